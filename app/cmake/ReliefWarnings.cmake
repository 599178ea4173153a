# relief_warnings: the warning flags every Relief target builds with.
add_library(relief_warnings INTERFACE)
target_compile_options(relief_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(RELIEF_WERROR)
  target_compile_options(relief_warnings INTERFACE -Werror)
endif()
