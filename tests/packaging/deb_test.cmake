# Builds the .deb with CPack into a scratch folder and checks what it installs.
set(out "${BUILD_DIR}/deb-test")
file(REMOVE_RECURSE "${out}")
execute_process(COMMAND cpack -G DEB -B "${out}" --config "${BUILD_DIR}/CPackConfig.cmake"
    RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack failed (${rc}):\n${log}")
endif()
file(GLOB debs "${out}/*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${out}, found ${count}: ${debs}")
endif()
execute_process(COMMAND dpkg-deb --contents ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb --contents failed")
endif()
foreach(path
        "./usr/bin/rapport"
        "./usr/bin/rapport-cli"
        "./usr/libexec/rapport/rapport-cli-analyse"
        "./usr/libexec/rapport/rapport-cli-audio"
        "./usr/share/applications/${APP_ID}.desktop"
        "./usr/share/metainfo/${APP_ID}.metainfo.xml"
        "./usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg")
    string(FIND "${contents}" " ${path}\n" found)
    if(found EQUAL -1)
        message(FATAL_ERROR "the .deb lacks ${path}:\n${contents}")
    endif()
endforeach()
execute_process(COMMAND dpkg-deb --field ${debs} Package Version Depends OUTPUT_VARIABLE fields)
foreach(needle "Package: rapport" "libqt6widgets6" "libqt6sql6-sqlite" "libqt6multimedia6")
    string(FIND "${fields}" "${needle}" found)
    if(found EQUAL -1)
        message(FATAL_ERROR "the .deb control fields lack '${needle}':\n${fields}")
    endif()
endforeach()
message(STATUS "${debs}\n${fields}")
