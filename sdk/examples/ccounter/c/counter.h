/* A ccounter value: one malloc'd int64_t; its handle is the block's address. */
#include "ferrite-sdk.h"

#define CCOUNTER_TYPE 0
#define ERR_WRONGTYPE "WRONGTYPE Operation against a key holding the wrong kind of value"
