# One short, bounded libFuzzer run for ctest (tests/fuzz/CMakeLists.txt):
#   cmake -DFUZZER=... -DSECONDS=... -DWORK=... -DCORPUS=... -DREGRESSIONS=... -DDICT=... -P run_fuzzer.cmake
# Starts from an empty scratch corpus under WORK (new inputs go there, never into
# the committed corpus), reads the committed corpus and the regression inputs,
# and fails with libFuzzer's report when a target finds a crash, a leak or a
# broken property. Fixed seed; the time bound makes the number of runs vary.
foreach(var FUZZER SECONDS WORK CORPUS REGRESSIONS DICT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: -D${var}=... is missing")
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)

set(inputs ${WORK}/corpus)
foreach(dir ${CORPUS} ${REGRESSIONS})
  if(IS_DIRECTORY ${dir})
    list(APPEND inputs ${dir})
  endif()
endforeach()

execute_process(
  COMMAND ${FUZZER}
    -seed=1
    -max_total_time=${SECONDS}
    -max_len=65536
    -timeout=10
    -rss_limit_mb=2048
    -dict=${DICT}
    -artifact_prefix=${WORK}/artifacts/
    -print_final_stats=1
    ${inputs}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)

if(NOT status EQUAL 0)
  message("${output}")
  file(GLOB artifacts ${WORK}/artifacts/*)
  message(FATAL_ERROR "${FUZZER} failed (${status}); the input is in: ${artifacts}")
endif()

# The summary: libFuzzer's last status line and its final statistics.
string(REGEX MATCHALL "#[0-9]+[ \t]+DONE[^\n]*" done "${output}")
string(REGEX MATCHALL "stat::[a-z_]+:[ \t]*[0-9]+" stats "${output}")
message("${done}")
foreach(line IN LISTS stats)
  message("${line}")
endforeach()
