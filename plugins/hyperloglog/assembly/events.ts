// The keyspace event HyperLogLog commands raise: Redis files it under strings ($), the type it uses.
import { KeyEvent, NOTIFY_STRING } from "ferrite-sdk";

export const PFADD = new KeyEvent(NOTIFY_STRING, "pfadd");
