// The index of `graphdata` in plugin.json's types.
export const GRAPH_TYPE: i32 = 0;
