/* Forced into every Lua source file (-include): Lua 5.1 raises errors with longjmp, which wasm32 with
 * clang 14 and wasi-libc cannot do. Its two hooks, LUAI_TRY and LUAI_THROW (luaconf.h), become the SDK's
 * ferrite_try/ferrite_throw (host API 1.5). LUAI_TRY's third argument is the statement `(*f)(L, ud);`
 * of luaD_rawrunprotected, its only user: a statement cannot cross into the host, so the macro calls the
 * same f with the same ud itself. */
#ifndef FERRITE_LUA_WASM_H
#define FERRITE_LUA_WASM_H
/* luaconf.h is read once (include guard): here, so with what Lua's core files define before it (LUA_CORE
 * adds number macros; library files are unaffected by them). */
#ifndef LUA_CORE
#define LUA_CORE
#endif
#include "luaconf.h"
#include "ferrite-sdk.h"

#undef LUAI_THROW
#undef LUAI_TRY
#undef luai_jmpbuf
#define LUAI_THROW(L, c) ferrite_throw()
#define LUAI_TRY(L, c, a) \
  if (ferrite_try((ferrite_protected_fn)f, L, ud) && (c)->status == 0) (c)->status = -1;
#define luai_jmpbuf int /* unused: the host keeps the unwinding state */
#endif
