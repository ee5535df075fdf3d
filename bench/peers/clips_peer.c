/* CLIPS (Debian libclips-dev, C API): the four benchmark rules as defrules over workload and
 * datum facts. Facts come from records.txt (bench/peers/convert.py), asserted 1,000 workloads
 * at a time, then the agenda runs and the facts are reset. Prints the JSON line run.sh reads.
 *   cc -O2 clips_peer.c -o clips_peer -I/usr/include/clips -lclips -lm
 */
#include <clips/clips.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *kConstructs[] = {
    "(deftemplate workload (slot id) (slot acquisition) (slot site) (slot tenant))",
    "(deftemplate datum (slot id) (slot origin) (slot personal) (slot subjects))",
    "(defglobal ?*r1* = 0 ?*r2* = 0 ?*r3* = 0 ?*r4* = 0)",
    "(defrule r1 (workload (acquisition purchase) (site CN|HK|MO|RU|IR|KP|SY|CU))"
    " => (bind ?*r1* (+ ?*r1* 1)))",
    "(defrule r2 (workload (tenant CN|HK|MO) (site ~CN&~HK&~MO) (acquisition purchase|lease))"
    " => (bind ?*r2* (+ ?*r2* 1)))",
    "(defrule r3 (workload (id ?i) (site ~CN))"
    " (exists (datum (id ?i) (origin CN) (personal yes) (subjects ?n&:(> ?n 1000000))))"
    " => (bind ?*r3* (+ ?*r3* 1)))",
    "(defrule r4 (workload (id ?i) (site ~AT&~BE&~BG&~HR&~CY&~CZ&~DK&~EE&~FI&~FR&~DE&~GR&~HU&~IE"
    "&~IT&~LV&~LT&~LU&~MT&~NL&~PL&~PT&~RO&~SK&~SI&~ES&~SE&~IS&~LI&~NO))"
    " (exists (datum (id ?i) (origin FR|DE|NL|IE) (personal yes)))"
    " => (bind ?*r4* (+ ?*r4* 1)))",
};

static long global(void *env, const char *name) {
  DATA_OBJECT value;
  EnvGetDefglobalValue(env, name, &value);
  return DOToLong(value);
}

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  FILE *in = fopen(argv[1], "r");
  if (!in) return 2;
  void *env = CreateEnvironment();
  for (size_t i = 0; i < sizeof kConstructs / sizeof *kConstructs; ++i)
    if (!EnvBuild(env, kConstructs[i])) return 3;
  EnvSetResetGlobals(env, FALSE);
  EnvReset(env);
  /* Read every fact first, so that the timing covers the engine only. */
  static char text[1 << 28];
  size_t used = fread(text, 1, sizeof text - 1, in);
  text[used] = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  long workloads = 0, pending = 0;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    if (strcmp(line, "end") == 0) {
      ++workloads;
      if (++pending == 1000) {
        EnvRun(env, -1);
        EnvReset(env);
        pending = 0;
      }
      continue;
    }
    EnvAssertString(env, line);
  }
  EnvRun(env, -1);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("{\"engine\":\"clips\",\"workloads\":%ld,\"seconds\":%f,\"counts\":{\"bench.r1\":%ld,"
         "\"bench.r2\":%ld,\"bench.r3\":%ld,\"bench.r4\":%ld}}\n",
         workloads, seconds, global(env, "r1"), global(env, "r2"), global(env, "r3"), global(env, "r4"));
  DestroyEnvironment(env);
  return 0;
}
