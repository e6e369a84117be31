// capstanctl. `capstanctl render DIR` runs once per overlay, like `kubectl
// kustomize`, so its start-up is most of its time: that one form is rendered
// here by the renderer linked into the executable, with no shared library but
// the C library, libm and mimalloc (no Qt, no QCoreApplication; see
// app/CMakeLists.txt). Every other command, `render --revision` included,
// lives in the capstanctl_commands library, opened on demand.

#include "ctl/render_output.h"

#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include <cstring>
#include <iostream>
#include <string>

namespace {

bool isPlainRender(int argc, char *argv[])
{
    return argc == 3 && std::strcmp(argv[1], "render") == 0 && argv[2][0] != '-';
}

std::string executableDirectory()
{
    char path[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0)
        return ".";
    const std::string exe(path, std::size_t(length));
    return exe.substr(0, exe.rfind('/'));
}

} // namespace

int main(int argc, char *argv[])
{
    if (isPlainRender(argc, argv)) {
        std::ios::sync_with_stdio(false);
        const int code = capstan::ctl::printRender(capstan::kustomize::renderDirectory(argv[2]), std::cout, std::cerr);
        std::cout.flush();
        return code;
    }
    // Beside the executable in a build tree; in lib/capstan when installed.
    const std::string dir = executableDirectory();
    std::string errors;
    for (const std::string &candidate :
         {dir + "/capstanctl_commands.so", dir + "/../lib/capstan/capstanctl_commands.so"}) {
        void *module = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            errors += std::string("\n  ") + dlerror();
            continue;
        }
        using Run = int (*)(int, char **);
        if (auto run = reinterpret_cast<Run>(dlsym(module, "capstanctl_run")))
            return run(argc, argv);
        errors += "\n  " + candidate + ": no capstanctl_run";
    }
    std::cerr << "capstanctl: cannot load its commands:" << errors << '\n';
    return 1;
}
