// GEOSEARCHSTORE dst src FROMMEMBER|FROMLONLAT ... BYRADIUS|BYBOX ... [ASC|DESC] [COUNT n [ANY]] [STOREDIST]
import { SEARCH, SEARCH_STORE, geoSearch } from "../geo/search";

export function run(argc: i32, argv: usize): void { geoSearch(argc, argv, 2, SEARCH | SEARCH_STORE); }
