// GEOSEARCH key FROMMEMBER m|FROMLONLAT lon lat BYRADIUS r unit|BYBOX w h unit [ASC|DESC] [COUNT n [ANY]] [WITH...]
import { SEARCH, geoSearch } from "../geo/search";

export function run(argc: i32, argv: usize): void { geoSearch(argc, argv, 1, SEARCH); }
