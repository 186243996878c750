# cmake -DSRC=<source dir> -DXGETTEXT=... -DMSGMERGE=... -DVERSION=... -P cmake/pot.cmake
# Extracts every msgid of the code (tr, trf, N_; core/src/i18n/i18n.hpp) into po/senrei.pot and
# merges po/ja.po with it: new msgids come in with an empty msgstr (to translate), msgids gone
# from the code become obsolete (#~).  `make pot` runs it; tests/i18n checks nothing is left out.
file(GLOB_RECURSE files RELATIVE ${SRC} ${SRC}/core/*.cpp ${SRC}/core/*.hpp ${SRC}/index/*.cpp ${SRC}/index/*.hpp)
list(SORT files)
string(REPLACE ";" "\n" list "${files}")
file(WRITE ${SRC}/po/POTFILES "${list}\n")
execute_process(
  COMMAND ${XGETTEXT} --from-code=UTF-8 --language=C++ --keyword=tr --keyword=trf --keyword=N_
          --flag=tr:1:no-c-format --flag=trf:1:no-c-format --flag=N_:1:no-c-format
          --package-name=senrei --package-version=${VERSION} --sort-output --no-location --add-comments=TRANSLATORS:
          -f po/POTFILES -o po/senrei.pot
  WORKING_DIRECTORY ${SRC} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed")
endif()
execute_process(COMMAND ${MSGMERGE} --quiet --update --backup=none --sort-output po/ja.po po/senrei.pot
                WORKING_DIRECTORY ${SRC} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msgmerge failed")
endif()
