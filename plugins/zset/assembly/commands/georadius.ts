// GEORADIUS key lon lat radius unit [WITH...] [COUNT n [ANY]] [ASC|DESC] [STORE key|STOREDIST key]
import { FROM_COORDS, geoSearch } from "../geo/search";

export function run(argc: i32, argv: usize): void { geoSearch(argc, argv, 1, FROM_COORDS); }
