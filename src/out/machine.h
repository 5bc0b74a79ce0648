/* machine.h - which machine this is, for result folders and report headers. */
#ifndef ACTENT_MACHINE_H
#define ACTENT_MACHINE_H

#include <stddef.h>

/* The value of the first /proc/cpuinfo line whose key is `key`; "" if none. */
void actent_cpuinfo(const char *key, char *buf, size_t len);

/* The CPU's model name ("AMD EPYC 9654 96-Core Processor"), or the architecture. */
void actent_cpu_model(char *buf, size_t len);

/* A readable folder name for this CPU: the model name in lower case with
 * words joined by '-', marketing marks dropped ("amd-epyc-9654-96-core");
 * where the name carries no model number (a hypervisor's generic "AMD EPYC"),
 * the x86 family and model are appended ("amd-epyc-family26-model2"). */
void actent_machine_id(char *buf, size_t len);

#endif
