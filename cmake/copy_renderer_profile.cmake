# cmake -DRAW=dir -DUSE=dir -P copy_renderer_profile.cmake
# The training run wrote one profile per object of the instrumented twins
# (…#capstan_<module>_pgo_train.dir#…); the real modules' objects look for the
# same file under their own target's name.
file(REMOVE_RECURSE ${USE})
file(MAKE_DIRECTORY ${USE})
file(GLOB profiles RELATIVE ${RAW} ${RAW}/*.gcda)
if(NOT profiles)
    message(FATAL_ERROR "the training run wrote no profile into ${RAW}")
endif()
foreach(profile IN LISTS profiles)
    string(REPLACE "_pgo_train.dir#" ".dir#" renamed "${profile}")
    file(COPY_FILE ${RAW}/${profile} ${USE}/${renamed})
endforeach()
