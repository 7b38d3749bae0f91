/* Misbehaving programs for the sandbox tests, one per mode:
 *   hostile MODE MARKER [ARG]
 * MARKER is only there so the tests can find leftover processes in /proc. Every mode is
 * bounded on its own (a count, a size or a time), so a broken sandbox cannot take the
 * machine down: at most a few thousand processes, about a GiB of memory or disk, and
 * loopback traffic only. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

static long Arg(int argc, char** argv, long fallback) {
  return argc > 3 ? atol(argv[3]) : fallback;
}

static int ForkStorm(long max) {
  long forked = 0;
  for (; forked < max; ++forked) {
    pid_t pid = fork();
    if (pid < 0) break;
    if (pid == 0) {
      sleep(30);
      _exit(0);
    }
  }
  printf("forked %ld\n", forked);
  return 0;
}

static int Busy(void) {
  time_t start = time(NULL);
  volatile unsigned long spin = 0;
  while (time(NULL) - start < 60) ++spin;
  return 0;
}

/* Spends `ms` milliseconds of its own CPU time (clock()), however long that takes on the
 * wall clock, then prints "worked". Not hostile: honest work for the time-limit tests. */
static int CpuWork(long ms) {
  volatile unsigned long spin = 0;
  while (clock() < (clock_t)(ms * (CLOCKS_PER_SEC / 1000))) ++spin;
  printf("worked\n");
  return 0;
}

/* Starts a grandchild in its own session, whose parent exits at once; waits until the
 * grandchild has said it runs (a file "grandchild" in the working directory), then exits. */
static int Detach(void) {
  pid_t pid = fork();
  if (pid == 0) {
    setsid();
    if (fork() == 0) {
      int fd = open("grandchild", O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0) close(fd);
      sleep(60);
      _exit(0);
    }
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  for (int i = 0; i < 200 && access("grandchild", F_OK) != 0; ++i) usleep(10000);
  printf("parent done\n");
  return 0;
}

static int HoldStdout(void) {
  if (fork() == 0) {
    sleep(60);
    _exit(0);
  }
  printf("parent exits\n");
  return 0;
}

static int Memory(long max_mb) {
  for (long mb = 0; mb < max_mb; mb += 16) {
    char* block = malloc(16 << 20);
    if (block == NULL) {
      printf("allocation failed at %ld MiB\n", mb);
      return 3;
    }
    memset(block, 1, 16 << 20);
  }
  printf("allocated %ld MiB\n", max_mb);
  return 0;
}

static int BigFile(const char* path, long max_mb) {
  static char block[1 << 20];
  memset(block, 'x', sizeof block);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return 2;
  for (long mb = 0; mb < max_mb; ++mb) {
    if (write(fd, block, sizeof block) != (ssize_t)sizeof block) {
      printf("write failed at %ld MiB: %s\n", mb, strerror(errno));
      return 3;
    }
  }
  return 0;
}

static int Flood(long max_mb) {
  static char block[1 << 16];
  memset(block, 'y', sizeof block);
  for (long i = 0; i < max_mb * 16; ++i) {
    if (write(1, block, sizeof block) < 0) return 3;
  }
  return 0;
}

static int Connect(long port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    printf("no socket: %s\n", strerror(errno));
    return 1;
  }
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr*)&addr, sizeof addr) != 0) {
    printf("cannot connect: %s\n", strerror(errno));
    return 1;
  }
  printf("connected\n");
  return 0;
}

/* Connects to a Unix socket: a path, or "@NAME" for the abstract name NAME. */
static int ConnectUnix(const char* where) {
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) {
    printf("no socket: %s\n", strerror(errno));
    return 1;
  }
  struct sockaddr_un addr = {0};
  addr.sun_family = AF_UNIX;
  socklen_t length = sizeof addr;
  if (where[0] == '@') {
    strncpy(addr.sun_path + 1, where + 1, sizeof addr.sun_path - 2);
    length = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + strlen(where + 1));
  } else {
    strncpy(addr.sun_path, where, sizeof addr.sun_path - 1);
  }
  if (connect(fd, (struct sockaddr*)&addr, length) != 0) {
    printf("cannot connect to %s: %s\n", where, strerror(errno));
    return 1;
  }
  printf("connected to %s\n", where);
  return 0;
}

static int Env(void) {
  for (char** e = environ; *e; ++e) printf("%s\n", *e);
  return 0;
}

static int Write(const char* path) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0 || write(fd, "pwned\n", 6) != 6) {
    printf("cannot write %s: %s\n", path, strerror(errno));
    return 1;
  }
  close(fd);
  printf("wrote %s\n", path);
  return 0;
}

/* Where a local and a heap block live: different on every run under ASLR. */
static int Addresses(void) {
  int local = 0;
  void* block = malloc(64);
  printf("stack %p heap %p\n", (void*)&local, block);
  free(block);
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: hostile MODE MARKER [ARG]\n");
    return 2;
  }
  const char* mode = argv[1];
  setvbuf(stdout, NULL, _IONBF, 0);
  if (!strcmp(mode, "sleep")) return sleep((unsigned)Arg(argc, argv, 30)), 0;
  if (!strcmp(mode, "fork-storm")) return ForkStorm(Arg(argc, argv, 2000));
  if (!strcmp(mode, "busy")) return Busy();
  if (!strcmp(mode, "cpu-work")) return CpuWork(Arg(argc, argv, 1000));
  if (!strcmp(mode, "detach")) return Detach();
  if (!strcmp(mode, "hold-stdout")) return HoldStdout();
  if (!strcmp(mode, "memory")) return Memory(Arg(argc, argv, 1024));
  if (!strcmp(mode, "bigfile") && argc > 3) return BigFile(argv[3], argc > 4 ? atol(argv[4]) : 256);
  if (!strcmp(mode, "flood")) return Flood(Arg(argc, argv, 256));
  if (!strcmp(mode, "connect")) return Connect(Arg(argc, argv, 0));
  if (!strcmp(mode, "connect-unix") && argc > 3) return ConnectUnix(argv[3]);
  if (!strcmp(mode, "env")) return Env();
  if (!strcmp(mode, "addresses")) return Addresses();
  if (!strcmp(mode, "write") && argc > 3) return Write(argv[3]);
  fprintf(stderr, "hostile: unknown mode %s\n", mode);
  return 2;
}
