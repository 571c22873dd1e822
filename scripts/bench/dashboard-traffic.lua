-- Mixed traffic for the dashboard screenshot: many clients (X-Forwarded-For, from a trusted
-- proxy), a few of them hot enough to be rate limited; mostly cached small n, some mid n that go
-- through Redis, a few large n that are computed.
math.randomseed(os.time())

request = function()
  local client = math.random(100) <= 20 and math.random(3) or math.random(4, 300)
  local roll = math.random(100)
  local n
  if roll <= 80 then
    n = math.random(0, 2000)
  elseif roll <= 97 then
    n = math.random(10000, 60000)
  else
    n = math.random(200000, 400000)
  end
  return wrk.format("GET", "/api/v1/fibonacci/" .. n,
    { ["X-Forwarded-For"] = "10.1." .. math.floor(client / 250) .. "." .. (client % 250) })
end
