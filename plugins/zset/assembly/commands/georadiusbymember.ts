// GEORADIUSBYMEMBER key member radius unit [WITH...] [COUNT n [ANY]] [ASC|DESC] [STORE key|STOREDIST key]
import { FROM_MEMBER, geoSearch } from "../geo/search";

export function run(argc: i32, argv: usize): void { geoSearch(argc, argv, 1, FROM_MEMBER); }
