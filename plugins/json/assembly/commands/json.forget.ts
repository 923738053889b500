// JSON.FORGET key [path]: JSON.DEL under its other name.
export { run } from "./json.del";
