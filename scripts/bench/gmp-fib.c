/*
 * The baseline of the job benchmark: F(n) with GMP (mpz_fib_ui) and its decimal string, the same
 * product the service delivers. Prints the milliseconds each took and the digit count.
 * Build: cc -O2 -o gmp-fib gmp-fib.c -lgmp
 */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s n\n", argv[0]);
    return 2;
  }
  unsigned long n = strtoul(argv[1], NULL, 10);
  mpz_t f;
  mpz_init(f);
  double start = now_ms();
  mpz_fib_ui(f, n);
  double computed = now_ms();
  char *digits = mpz_get_str(NULL, 10, f);
  double written = now_ms();
  printf("gmp n=%lu compute_ms=%.1f decimal_ms=%.1f total_ms=%.1f digits=%zu\n", n,
         computed - start, written - computed, written - start, strlen(digits));
  free(digits);
  mpz_clear(f);
  return 0;
}
