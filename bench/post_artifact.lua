-- wrk script: every request creates a draft artifact.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer alice-token"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"name": "bench", "spec": {"containerGroups": [{"name": "main", "containers": [
  {"name": "api", "imageUri": "registry.example.com/bench:1", "primary": true, "port": 8080}]}]}}]]
