# Profile-guided optimisation of the renderer (core/manifest, core/kustomize).
#
# With CAPSTAN_RENDERER_PGO=ON (GCC only), the build:
# 1. compiles an instrumented twin of each PROFILED core module
#    (capstan_<module>_pgo_train, see core/CMakeLists.txt);
# 2. runs train_render (bench/kustomize/train_render.cpp) on a generated
#    GitOps repository, random trees and the conformance corpus; its counters
#    land in renderer-profile/raw/ of the build directory;
# 3. copies them under the names the real modules' objects look for
#    (copy_renderer_profile.cmake) and compiles those modules with
#    -fprofile-use.
# The profile is made anew whenever the renderer's sources change, so it never
# describes other code than the one it optimises. Off, the modules build as
# any other.
option(CAPSTAN_RENDERER_PGO "Optimise the renderer with a profile from a training run (GCC)" OFF)
if(CAPSTAN_RENDERER_PGO AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(WARNING "CAPSTAN_RENDERER_PGO needs GCC; the renderer is built without a profile")
    set(CAPSTAN_RENDERER_PGO OFF)
endif()
set(CAPSTAN_PROFILE_DIR ${CMAKE_BINARY_DIR}/renderer-profile)
# Object paths are made relative to the build directory before the compiler
# names a profile file after them: core#kustomize#CMakeFiles#<target>.dir#x.cpp.gcda.
set(_capstan_profile_prefix -fprofile-prefix-path=${CMAKE_BINARY_DIR} --param=profile-func-internal-id=1)

function(capstan_instrument_for_profile target)
    target_compile_options(${target} PRIVATE -fprofile-generate=${CAPSTAN_PROFILE_DIR}/raw
                           ${_capstan_profile_prefix} -fprofile-update=single)
endfunction()

# Called once every target exists: trains, then builds the PROFILED modules
# from the profile. `trainer` is the training executable's target.
function(capstan_use_renderer_profile trainer)
    if(NOT CAPSTAN_RENDERER_PGO)
        return()
    endif()
    set(stamp ${CAPSTAN_PROFILE_DIR}/profile_stamp.h)
    add_custom_command(OUTPUT ${stamp}
        COMMAND ${CMAKE_COMMAND} -E rm -rf ${CAPSTAN_PROFILE_DIR}/raw
        COMMAND $<TARGET_FILE:${trainer}> --work ${CAPSTAN_PROFILE_DIR}/work
                ${PROJECT_SOURCE_DIR}/tests/core/kustomize/conformance/cases
        COMMAND ${CMAKE_COMMAND} -DRAW=${CAPSTAN_PROFILE_DIR}/raw -DUSE=${CAPSTAN_PROFILE_DIR}/use
                -P ${PROJECT_SOURCE_DIR}/cmake/copy_renderer_profile.cmake
        COMMAND ${CMAKE_COMMAND} -E rm -rf ${CAPSTAN_PROFILE_DIR}/work
        COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
        DEPENDS ${trainer}
        COMMENT "Training the renderer's profile"
        VERBATIM)
    add_custom_target(capstan_renderer_profile DEPENDS ${stamp})
    get_property(modules GLOBAL PROPERTY CAPSTAN_PROFILED_MODULES)
    foreach(module IN LISTS modules)
        # -Wno-missing-profile: code the training never reaches (setImage, for
        # one) has no counters and is optimised as without a profile.
        # -Wno-restrict: with the profile, GCC 12 inlines deep enough into
        # std::string to report overlaps on paths that cannot run (GCC bug
        # 105329). The build without a profile keeps the warning.
        target_compile_options(${module} PRIVATE -fprofile-use=${CAPSTAN_PROFILE_DIR}/use
                               ${_capstan_profile_prefix} -Wno-missing-profile -Wno-restrict)
        add_dependencies(${module} capstan_renderer_profile)
        # A new profile recompiles every object of the module: each includes
        # the (empty) stamp, which the training run writes anew. (A source
        # property cannot say it: the twin compiles the same source files.)
        target_compile_options(${module} PRIVATE -include ${stamp})
    endforeach()
endfunction()
