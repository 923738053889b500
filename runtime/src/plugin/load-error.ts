// Why a plugin was refused at load: the message is the reason MODULE LOAD gives the client and the log.
export class LoadError extends Error {}
