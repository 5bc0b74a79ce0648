"""The report's machine section: what ran the numbers, from the JSON files'
own records (bench.json's context first; verify.json and the experiments
where there is no bench.json)."""
import microarch
from report_md import md_table


def caches(ctx):
    out = []
    for c in ctx.get("caches", []):
        size = c.get("size", 0)
        size = "%d MiB" % (size >> 20) if size >= 1 << 20 else "%d KiB" % (size >> 10)
        out.append("L%s %s %s%s" % (c.get("level"), c.get("type", "").lower(), size,
                                   " (shared by %d)" % c["num_sharing"]
                                   if c.get("num_sharing", 1) > 1 else ""))
    return ", ".join(out)


def machine_section(r, ctx, v, nb):
    r.add("## The machine")
    r.add("")
    rows = []

    def row(what, value):
        if value:
            rows.append([what, str(value).replace("\n", " ")])
    cpu = ctx.get("actent_cpu_model") or (v or {}).get("cpu") or (nb or {}).get("cpu")
    row("CPU", cpu)
    mid = ctx.get("actent_machine") or (v or {}).get("machine") or (nb or {}).get("machine")
    row("machine id", mid)
    row("microarchitecture", microarch.name(mid) or ("not in scripts/microarch.py's table"
                                                     if mid else None))
    if ctx.get("num_cpus"):
        row("CPUs", "%d online, %s MHz nominal (as the OS reports it)" % (
            ctx["num_cpus"], ctx.get("mhz_per_cpu", "?")))
    row("caches", caches(ctx))
    row("features actent checks", ctx.get("actent_cpu_features") or (v or {}).get("features"))
    row("core clock", "%s GHz measured at the start of the run" %
        ctx["actent_core_ghz_at_start"] if ctx.get("actent_core_ghz_at_start") else None)
    row("how cycles were obtained", ctx.get("actent_cycles"))
    row("floating point", ctx.get("actent_fp_mode"))
    row("governor", ctx.get("actent_governor"))
    row("compiler", ctx.get("actent_compiler"))
    row("build type", ctx.get("actent_build_type"))
    row("C flags", "`%s`" % ctx["actent_c_flags"] if ctx.get("actent_c_flags") else None)
    row("ISA flags (kernels only)", ctx.get("actent_isa_flags"))
    row("libraries", ctx.get("actent_versions"))
    row("peer libraries", ctx.get("actent_peer_libraries"))
    row("numpy stack", ctx.get("numpy_stack"))
    row("git revision", "`%s`" % ctx["actent_git"] if ctx.get("actent_git") else None)
    row("benchmark command", "`%s`" % ctx["actent_command"] if ctx.get("actent_command")
        else None)
    row("date", ctx.get("date"))
    row("host", ctx.get("host_name"))
    row("experiment table", (nb or {}).get("table"))
    if not rows:
        r.add("No record of the machine: none of the JSON files says what ran it.")
        r.add("")
        return
    for line in md_table(["record", "this run"], rows, right=[False, False]):
        r.add(line)
    r.add("")
    impls = [(k[len("actent_impl_"):], val) for k, val in ctx.items()
             if k.startswith("actent_impl_")]
    if impls:
        r.add("Implementations measured:")
        r.add("")
        for name, what in impls:
            r.add("- `%s`: %s" % (name, what))
        r.add("")
    method = [(k, ctx[k]) for k in ("actent_timing", "actent_pinned", "actent_counters",
                                    "actent_inputs",
                                    "actent_rotation", "actent_fused", "actent_read",
                                    "actent_histograms", "actent_analysis", "actent_max_ulp",
                                    "numpy_method") if ctx.get(k)]
    if method or ctx.get("actent_cpu_flags"):
        r.add("<details><summary>How the benchmarks measure, and the CPU's flags</summary>")
        r.add("")
        for k, val in method:
            r.add("- **%s**: %s" % (k.replace("actent_", "").replace("_", " "), val))
        if ctx.get("actent_cpu_flags"):
            r.add("- **CPU flags**: %s" % ctx["actent_cpu_flags"])
        r.add("")
        r.add("</details>")
        r.add("")
