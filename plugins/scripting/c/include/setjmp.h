/* wasi-libc (clang 14) has no setjmp.h; Lua's ldo.c includes it for the longjmp-based error handling
 * that lua-wasm.h replaces with the host's protected_call/unwind. Nothing is declared here on purpose. */
