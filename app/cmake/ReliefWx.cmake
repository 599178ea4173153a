# Wraps wxWidgets once in an interface target, Relief::wx, so the GUI target
# links it like any other library and app/core never sees it.
find_package(wxWidgets 3.2 REQUIRED COMPONENTS core base)
add_library(relief_wx INTERFACE)
add_library(Relief::wx ALIAS relief_wx)
target_include_directories(relief_wx SYSTEM INTERFACE ${wxWidgets_INCLUDE_DIRS})
target_compile_definitions(relief_wx INTERFACE ${wxWidgets_DEFINITIONS})
target_compile_options(relief_wx INTERFACE ${wxWidgets_CXX_FLAGS})
target_link_libraries(relief_wx INTERFACE ${wxWidgets_LIBRARIES})
