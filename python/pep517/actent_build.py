"""actent_build - the PEP 517 backend behind `pip install .` and `pip wheel .`.

It describes no source: it runs the project's own CMake build (the module
target, python/CMakeLists.txt, and the CLI) and packs what that build made
into a wheel. It needs nothing beyond the standard library, so pyproject.toml
asks for no build requirements and pip's isolated build environment needs no
package index: `pip install .` works offline. (A setuptools backend would have
pip fetch setuptools from PyPI into that environment first.)

The wheel holds:
  actent/_actent.<abi>.so        the extension (the library's layers linked in)
  actent/__init__.py, torch.py   the package (python/actent/): the functions,
                                 and actent.torch.watch for PyTorch models
  actent/__init__.pyi, py.typed  its signatures, for editors and type checkers
  actent-V.data/scripts/actent   the CLI, on the environment's PATH
It is a platform wheel for the machine that built it: it links the system's
SLEEF (Debian's libsleef3) and glibc's libmvec, as the build tree does.

config_settings (pip's --config-settings): build-dir=PATH (default
build-wheel/ in the checkout, reused between installs), jobs=N.
"""
import base64
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUMMARY = "How much entropy an activation function removes, and how fast each CPU computes it"


def _setting(config_settings, key, default):
    value = (config_settings or {}).get(key)
    return value if value else default


def _run(cmd):
    print("actent_build: " + " ".join(cmd), file=sys.stderr, flush=True)
    done = subprocess.run(cmd, stdout=sys.stderr, stderr=sys.stderr)
    if done.returncode != 0:
        raise RuntimeError("actent_build: '%s' failed (exit %d); see its output above"
                           % (" ".join(cmd), done.returncode))


def _cmake(config_settings):
    """configure and build the module and the CLI; returns the build directory"""
    if not shutil.which("cmake"):
        raise RuntimeError("actent_build: cmake not found (scripts/setup installs it)")
    build = os.path.abspath(_setting(config_settings, "build-dir",
                                     os.path.join(ROOT, "build-wheel")))
    jobs = str(_setting(config_settings, "jobs", os.cpu_count() or 1))
    _run(["cmake", "-S", ROOT, "-B", build, "-DCMAKE_BUILD_TYPE=Release",
          "-DACTENT_TESTS=OFF", "-DACTENT_BENCH=OFF", "-DACTENT_PYTHON=ON",
          "-DPython3_EXECUTABLE=" + sys.executable])
    _run(["cmake", "--build", build, "-j", jobs, "--target", "actent_python", "actent"])
    return build


def _version(build):
    """the version CMake's project() declares, as the configured cache holds it"""
    with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as f:
        m = re.search(r"^CMAKE_PROJECT_VERSION:\w+=(\S+)$", f.read(), re.M)
    if not m:
        raise RuntimeError("actent_build: no CMAKE_PROJECT_VERSION in %s/CMakeCache.txt" % build)
    return m.group(1)


def _tag():
    impl = "cp%d%d" % sys.version_info[:2]
    plat = re.sub(r"[-.]", "_", sysconfig.get_platform())
    return "%s-%s-%s" % (impl, impl, plat)


def _metadata(version):
    return ("Metadata-Version: 2.1\nName: actent\nVersion: %s\nSummary: %s\n"
            "Requires-Python: >=3.9\nRequires-Dist: numpy\n"
            "Description-Content-Type: text/markdown\n\n%s"
            % (version, SUMMARY, _read("README.md")))


def _read(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()


def _module(build):
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    path = os.path.join(build, "python", "actent", "_actent" + suffix)
    if not os.path.isfile(path):
        raise RuntimeError("actent_build: the build made no %s (is python3-dev installed? "
                           "scripts/setup python)" % path)
    return path


class _Wheel:
    """a zip whose RECORD lists every file with its hash and size"""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        self.record = []

    def add(self, name, data, mode=0o644):
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.external_attr = (0o100000 | mode) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
        self.record.append("%s,sha256=%s,%d" % (name, digest.decode(), len(data)))

    def close(self, record_name):
        self.record.append(record_name + ",,")
        self.zip.writestr(zipfile.ZipInfo(record_name, date_time=(2020, 1, 1, 0, 0, 0)),
                          "\n".join(self.record) + "\n")
        self.zip.close()


def _file(path):
    with open(path, "rb") as f:
        return f.read()


# --- PEP 517 hooks -----------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    build = _cmake(config_settings)
    version = _version(build)
    name = "actent-%s-%s.whl" % (version, _tag())
    dist = "actent-%s.dist-info" % version
    os.makedirs(wheel_directory, exist_ok=True)
    w = _Wheel(os.path.join(wheel_directory, name))
    module = _module(build)
    w.add("actent/" + os.path.basename(module), _file(module), 0o755)
    for f in ("__init__.py", "torch.py", "__init__.pyi", "py.typed"):
        w.add("actent/" + f, _file(os.path.join(ROOT, "python", "actent", f)))
    w.add("actent-%s.data/scripts/actent" % version, _file(os.path.join(build, "actent")), 0o755)
    w.add(dist + "/METADATA", _metadata(version).encode())
    w.add(dist + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: actent_build\n"
                            "Root-Is-Purelib: false\nTag: %s\n" % _tag()).encode())
    w.close(dist + "/RECORD")
    return name


def build_sdist(sdist_directory, config_settings=None):
    """the tracked files (git ls-files), or the tree without build output"""
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        m = re.search(r"project\(actent VERSION (\S+)", f.read())
    version = m.group(1)
    try:
        files = subprocess.run(["git", "-C", ROOT, "ls-files", "-z"], check=True,
                               capture_output=True).stdout.decode().split("\0")
        files = [p for p in files if p]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for top, dirs, names in os.walk(ROOT):
            dirs[:] = [d for d in dirs if not d.startswith((".", "build")) and d != "__pycache__"]
            files += [os.path.relpath(os.path.join(top, n), ROOT) for n in names]
    base = "actent-%s" % version
    name = base + ".tar.gz"
    os.makedirs(sdist_directory, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        part = os.path.join(tmp, name)
        with tarfile.open(part, "w:gz", format=tarfile.PAX_FORMAT) as tar:
            for rel in sorted(files):
                tar.add(os.path.join(ROOT, rel), arcname=base + "/" + rel, recursive=False)
            info = tarfile.TarInfo(base + "/PKG-INFO")
            data = _metadata(version).encode()
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        shutil.move(part, os.path.join(sdist_directory, name))
    return name
