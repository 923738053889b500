// GEORADIUS_RO key lon lat radius unit [WITH...] [COUNT n [ANY]] [ASC|DESC]: GEORADIUS without STORE
import { FROM_COORDS, NO_STORE, geoSearch } from "../geo/search";

export function run(argc: i32, argv: usize): void { geoSearch(argc, argv, 1, FROM_COORDS | NO_STORE); }
