/*
 * Connection bursts (ADR 0054): ROUNDS times, CLIENTS connections opened one after another, a PING on
 * each, every +PONG awaited, all closed. Prints the server's main-thread CPU per connection (accept,
 * read, reply, close) from /proc/PID/schedstat — a figure the machine's load does not move, unlike any
 * wall-clock maximum — for the first rounds (a cold process) and over all of them.
 * Usage: connection-churn PORT SERVER_PID CLIENTS ROUNDS
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>

/** Nanoseconds the process's main thread has run, from the first field of its schedstat. */
static long long mainThreadNs(int pid) {
  char path[64];
  long long ns = 0;
  snprintf(path, sizeof path, "/proc/%d/schedstat", pid);
  FILE *f = fopen(path, "r");
  if (!f || fscanf(f, "%lld", &ns) != 1) { perror(path); exit(1); }
  fclose(f);
  return ns;
}

int main(int argc, char **argv) {
  if (argc != 5) { fprintf(stderr, "usage: %s PORT SERVER_PID CLIENTS ROUNDS\n", argv[0]); return 2; }
  int port = atoi(argv[1]), pid = atoi(argv[2]), clients = atoi(argv[3]), rounds = atoi(argv[4]);
  int *fd = calloc(clients, sizeof(int));
  char reply[256];
  long long total = 0;
  for (int round = 1; round <= rounds; round++) {
    usleep(20000); /* the previous round's closes are handled */
    long long before = mainThreadNs(pid);
    int ep = epoll_create1(0);
    for (int i = 0; i < clients; i++) {
      int yes = 1;
      fd[i] = socket(AF_INET, SOCK_STREAM, 0);
      setsockopt(fd[i], IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
      if (connect(fd[i], (struct sockaddr *)&to, sizeof to)) { perror("connect"); return 1; }
      if (write(fd[i], "*1\r\n$4\r\nPING\r\n", 14) != 14) { perror("write"); return 1; }
      struct epoll_event e = { .events = EPOLLIN, .data.u32 = i };
      epoll_ctl(ep, EPOLL_CTL_ADD, fd[i], &e);
    }
    struct epoll_event events[64];
    for (int left = clients; left > 0;) {
      int n = epoll_wait(ep, events, 64, 10000);
      if (n <= 0) { fprintf(stderr, "no reply for 10 s\n"); return 1; }
      for (int k = 0; k < n; k++) {
        int i = events[k].data.u32;
        if (read(fd[i], reply, sizeof reply) > 0) left--;
        epoll_ctl(ep, EPOLL_CTL_DEL, fd[i], NULL);
      }
    }
    for (int i = 0; i < clients; i++) close(fd[i]);
    close(ep);
    usleep(50000); /* and this round's */
    long long used = mainThreadNs(pid) - before;
    total += used;
    if (round <= 3 || round == rounds) printf("round %d: %.0f us of main-thread CPU per connection\n", round, used / 1e3 / clients);
  }
  printf("all %d rounds: %.0f us per connection\n", rounds, total / 1e3 / ((double)clients * rounds));
  return 0;
}
