/*
 * The baseline of the modular benchmark: F(n) mod m with GMP, by the same fast doubling the service
 * uses (mpz products reduced with mpz_mod), for n and m given in decimal. Runs it `reps` times and
 * prints the median microseconds per operation, then the value.
 * Build: cc -O2 -o gmp-fib-mod gmp-fib-mod.c -lgmp
 */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* a = F(n) mod m */
static void fib_mod(mpz_t a, const mpz_t n, const mpz_t m) {
  mpz_t b, c, d, t;
  mpz_inits(b, c, d, t, NULL);
  mpz_set_ui(a, 0);
  mpz_set_ui(b, 1);
  mpz_mod(b, b, m);
  for (long bit = (long)mpz_sizeinbase(n, 2) - 1; bit >= 0; bit--) {
    mpz_mul_2exp(t, b, 1); /* c = a (2b - a) */
    mpz_sub(t, t, a);
    mpz_mul(c, a, t);
    mpz_mod(c, c, m);
    mpz_mul(d, a, a); /* d = a^2 + b^2 */
    mpz_addmul(d, b, b);
    mpz_mod(d, d, m);
    if (mpz_sgn(n) != 0 && mpz_tstbit(n, (mp_bitcnt_t)bit)) {
      mpz_set(a, d);
      mpz_add(b, c, d);
      mpz_mod(b, b, m);
    } else {
      mpz_set(a, c);
      mpz_set(b, d);
    }
  }
  mpz_clears(b, c, d, t, NULL);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s n m reps\n", argv[0]);
    return 2;
  }
  mpz_t n, m, value;
  mpz_inits(n, m, value, NULL);
  if (mpz_set_str(n, argv[1], 10) != 0 || mpz_set_str(m, argv[2], 10) != 0 || mpz_sgn(m) <= 0) {
    fprintf(stderr, "n and m are decimal integers, m >= 1\n");
    return 2;
  }
  int reps = atoi(argv[3]);
  if (reps < 1) {
    reps = 1;
  }
  double *times = malloc(sizeof(double) * (size_t)reps);
  for (int i = 0; i < reps; i++) {
    double start = now_us();
    fib_mod(value, n, m);
    times[i] = now_us() - start;
  }
  qsort(times, (size_t)reps, sizeof(double), by_value);
  printf("%.3f\n", times[reps / 2]);
  mpz_out_str(stdout, 10, value);
  printf("\n");
  free(times);
  mpz_clears(n, m, value, NULL);
  return 0;
}
