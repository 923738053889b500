/* ferrite_try / ferrite_throw over the host's protected_call / unwind (host API 1.5). The host unwinds
 * the wasm frames with a JavaScript exception, which skips their epilogues: the shadow stack pointer
 * (wasm-ld's __stack_pointer global, which the C stack lives under) is left where the deepest frame put
 * it, so ferrite_try puts it back. */
#include "ferrite-sdk.h"

/* Declares the linker's global to the assembler, as Emscripten's stack helpers do. */
__asm__(".globaltype __stack_pointer, i32");

static inline uintptr_t stack_pointer(void) {
  uintptr_t sp;
  __asm__ volatile("global.get __stack_pointer\n\tlocal.set %0" : "=r"(sp));
  return sp;
}

static inline void set_stack_pointer(uintptr_t sp) {
  __asm__ volatile("local.get %0\n\tglobal.set __stack_pointer" : : "r"(sp));
}

int ferrite_try(ferrite_protected_fn fn, void *a, void *b) {
  uintptr_t sp = stack_pointer();
  int unwound = ferrite_protected_call((int32_t)(uintptr_t)fn, (int32_t)(uintptr_t)a, (int32_t)(uintptr_t)b);
  if (unwound) set_stack_pointer(sp);
  return unwound;
}

void ferrite_throw(void) {
  ferrite_unwind();
}

void ferrite_protected(int32_t fn, int32_t a, int32_t b) {
  ((ferrite_protected_fn)(uintptr_t)fn)((void *)(uintptr_t)a, (void *)(uintptr_t)b);
}
