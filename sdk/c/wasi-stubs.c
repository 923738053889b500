/* A C plugin has no WASI (ADR 0002: no ambient authority), yet wasi-libc's stdio, fopen, getenv and exit
 * reach for it. Defining the symbols wasi-libc imports them through keeps them inside the plugin: no
 * file, no environment, no arguments; clocks and randomness come from the host API; exit traps, which
 * fails the command like any trap. Only the stubs something links against end up in the module. */
#include "ferrite-sdk.h"

#define WASI_EBADF 8
#define WASI_ENOTCAPABLE 76
#define WASI(name) __imported_wasi_snapshot_preview1_##name

int32_t WASI(fd_close)(int32_t fd) { return WASI_EBADF; }
int32_t WASI(fd_fdstat_get)(int32_t fd, int32_t out) { return WASI_EBADF; }
int32_t WASI(fd_fdstat_set_flags)(int32_t fd, int32_t flags) { return WASI_EBADF; }
int32_t WASI(fd_prestat_get)(int32_t fd, int32_t out) { return WASI_EBADF; }
int32_t WASI(fd_prestat_dir_name)(int32_t fd, int32_t path, int32_t len) { return WASI_EBADF; }
int32_t WASI(fd_read)(int32_t fd, int32_t iovs, int32_t count, int32_t out) { return WASI_EBADF; }
int32_t WASI(fd_renumber)(int32_t fd, int32_t to) { return WASI_EBADF; }
int32_t WASI(fd_seek)(int32_t fd, int64_t offset, int32_t whence, int32_t out) { return WASI_EBADF; }
int32_t WASI(fd_write)(int32_t fd, int32_t iovs, int32_t count, int32_t out) { return WASI_EBADF; }
int32_t WASI(path_open)(int32_t fd, int32_t dirflags, int32_t path, int32_t len, int32_t oflags, int64_t rights,
                        int64_t inheriting, int32_t fdflags, int32_t out) {
  return WASI_ENOTCAPABLE;
}

int32_t WASI(environ_sizes_get)(int32_t count, int32_t size) {
  *(uint32_t *)(uintptr_t)count = 0;
  *(uint32_t *)(uintptr_t)size = 0;
  return 0;
}
int32_t WASI(environ_get)(int32_t environ, int32_t buf) { return 0; }
int32_t WASI(args_sizes_get)(int32_t count, int32_t size) { return WASI(environ_sizes_get)(count, size); }
int32_t WASI(args_get)(int32_t argv, int32_t buf) { return 0; }

/* Every clock is the host's frozen command time (Redis scripts, too, see one time per script). */
int32_t WASI(clock_time_get)(int32_t id, int64_t precision, int32_t out) {
  *(uint64_t *)(uintptr_t)out = (uint64_t)ferrite_time_us() * 1000u;
  return 0;
}
int32_t WASI(clock_res_get)(int32_t id, int32_t out) {
  *(uint64_t *)(uintptr_t)out = 1000u;
  return 0;
}

int32_t WASI(random_get)(int32_t buf, int32_t len) {
  ferrite_random_fill((void *)(uintptr_t)buf, len);
  return 0;
}

__attribute__((noreturn)) void WASI(proc_exit)(int32_t code) { __builtin_trap(); }
