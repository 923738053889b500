/*
 * redis-benchmark's pipelined pattern with a log of every batch (ADR 0054): C connections opened at
 * once, each writing P pipelined SETs or GETs (redis-benchmark's own commands) and the next batch when
 * all P replies are in. A batch's latency is first reply byte - write, which redis-benchmark records for
 * each of its P requests. The log has, per batch, the connection's local port and CLOCK_MONOTONIC
 * nanoseconds of the write, the first reply byte and the last: the clock of Node's process.hrtime, so
 * floor-probe.ts's log joins it (join.ts). Replies are counted by line ends: "+OK" is one line and
 * "$3 xxx" two, so GET needs its keys set (the SET run first) or the fixed-reply floor.
 * Usage: batch-log-client PORT CLIENTS PIPELINE REQUESTS set|get LOG
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>

typedef struct { int fd, port, lines, writing; long long sent, first; } Client;
typedef struct { int port; long long sent, first, done; } Batch;

static long long now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void watch(int ep, int op, int fd, unsigned events, int i) {
  struct epoll_event e = { .events = events, .data.u32 = i };
  epoll_ctl(ep, op, fd, &e);
}

static int compare(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc != 7) { fprintf(stderr, "usage: %s PORT CLIENTS PIPELINE REQUESTS set|get LOG\n", argv[0]); return 2; }
  int port = atoi(argv[1]), clients = atoi(argv[2]), pipeline = atoi(argv[3]), get = strcmp(argv[5], "get") == 0;
  long batches = atol(argv[4]) / pipeline, issued = 0, done = 0;
  const char *one = get ? "*2\r\n$3\r\nGET\r\n$16\r\nkey:__rand_int__\r\n"
                        : "*3\r\n$3\r\nSET\r\n$16\r\nkey:__rand_int__\r\n$3\r\nxxx\r\n";
  int oneLength = strlen(one), requestLength = oneLength * pipeline, linesPerBatch = (get ? 2 : 1) * pipeline;
  char *request = malloc(requestLength), reply[1 << 16];
  for (int i = 0; i < pipeline; i++) memcpy(request + i * oneLength, one, oneLength);
  Batch *log = calloc(batches, sizeof(Batch));
  Client *c = calloc(clients, sizeof(Client));
  int ep = epoll_create1(0);
  long long t0 = now();
  for (int i = 0; i < clients; i++) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), yes = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    connect(fd, (struct sockaddr *)&to, sizeof to); /* EINPROGRESS: writable once connected */
    c[i] = (Client){ .fd = fd, .writing = 1 };
    watch(ep, EPOLL_CTL_ADD, fd, EPOLLOUT, i);
  }
  struct epoll_event events[256];
  while (done < batches) {
    int n = epoll_wait(ep, events, 256, 10000);
    if (n <= 0) { fprintf(stderr, "no reply for 10 s\n"); return 1; }
    for (int k = 0; k < n; k++) {
      int i = events[k].data.u32;
      Client *x = &c[i];
      if (x->writing) {
        if (!x->port) {
          struct sockaddr_in local; socklen_t size = sizeof local;
          getsockname(x->fd, (struct sockaddr *)&local, &size);
          x->port = ntohs(local.sin_port);
        }
        if (issued == batches) { watch(ep, EPOLL_CTL_DEL, x->fd, 0, i); continue; }
        issued++;
        x->sent = now(); x->first = 0; x->lines = 0; x->writing = 0;
        if (write(x->fd, request, requestLength) != requestLength) { fprintf(stderr, "short write\n"); return 1; }
        watch(ep, EPOLL_CTL_MOD, x->fd, EPOLLIN, i);
        continue;
      }
      int got = read(x->fd, reply, sizeof reply);
      if (got <= 0) { fprintf(stderr, "connection closed\n"); return 1; }
      if (!x->first) x->first = now();
      for (int j = 0; j < got; j++) x->lines += reply[j] == '\n';
      if (x->lines < linesPerBatch) continue;
      log[done++] = (Batch){ x->port, x->sent, x->first, now() };
      x->writing = 1;
      watch(ep, EPOLL_CTL_MOD, x->fd, EPOLLOUT, i);
    }
  }
  double seconds = (now() - t0) / 1e9;
  long long *latency = malloc(done * sizeof(long long));
  for (long i = 0; i < done; i++) latency[i] = log[i].first - log[i].sent;
  qsort(latency, done, sizeof(long long), compare);
  printf("%s %.0f requests/s, batch latency p50 %.3f p99 %.3f max %.3f ms\n", argv[5], batches * pipeline / seconds,
         latency[done / 2] / 1e6, latency[done * 99 / 100] / 1e6, latency[done - 1] / 1e6);
  FILE *out = fopen(argv[6], "w");
  fprintf(out, "port sent first done t0=%lld\n", t0);
  for (long i = 0; i < done; i++) fprintf(out, "%d %lld %lld %lld\n", log[i].port, log[i].sent, log[i].first, log[i].done);
  fclose(out);
  return 0;
}
