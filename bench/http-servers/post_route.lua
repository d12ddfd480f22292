-- wrk script: POST /v1/route with a JSON body (keep-alive)
wrk.method = "POST"
wrk.path   = "/v1/route"
wrk.body   = '{"features":[0.81,0.81,0.41,0.04,0.14,0.57,0.81,0.85,0.65,0.75],"trajectory_id":"t-42"}'
wrk.headers["Content-Type"] = "application/json"

-- count non-2xx responses explicitly (wrk also reports them)
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
