// GEORADIUSBYMEMBER_RO key member radius unit [...]: GEORADIUSBYMEMBER without STORE
import { FROM_MEMBER, NO_STORE, geoSearch } from "../geo/search";

export function run(argc: i32, argv: usize): void { geoSearch(argc, argv, 1, FROM_MEMBER | NO_STORE); }
