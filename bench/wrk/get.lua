-- GET the URL given to wrk over and over, as browsers would (HTML and JSON accepted).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
wrk.headers["Accept"] = "text/html,application/json"
