-- wrk script for the underwriting API: POST the typical application (3 disclosures, 20 checkup
-- items, 3 product lines) with the demo client's key. Each request is decided and stored in MariaDB.
-- Usage: wrk -t2 -c48 -d30s --latency -s docs/bench/underwrite.lua http://127.0.0.1:8080
wrk.method = "POST"
wrk.path = "/api/v1/underwriting/decisions"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "demo-key"
wrk.body = "{\"applicationId\":\"BENCH-HTTP\",\"applicationDate\":\"2026-11-20\",\"applicant\":{\"age\":38,\"sex\":\"F\",\"heightCm\":162,\"weightKg\":61,\"smoker\":false},\"productLines\":[\"CRITICAL_ILLNESS\",\"MILLION_MEDICAL\",\"TERM_LIFE\"],\"disclosures\":[{\"text\":\"2019年做过腹腔镜阑尾切除，已痊愈\"},{\"text\":\"高血压两年，吃药控制在130/85左右\"},{\"icd10\":\"E04.101\",\"text\":\"甲状腺结节\",\"diagnosedOn\":\"2025-06\",\"status\":\"ONGOING\"}],\"checkup\":{\"reportDate\":\"2026-09-30\",\"items\":[{\"name\":\"空腹血糖\",\"value\":\"6.8\",\"unit\":\"mmol/L\"},{\"name\":\"ALT\",\"value\":\"85\",\"unit\":\"U/L\"},{\"name\":\"AST\",\"value\":\"30\",\"unit\":\"U/L\"},{\"name\":\"总胆固醇\",\"value\":\"5.1\",\"unit\":\"mmol/L\"},{\"name\":\"甘油三酯\",\"value\":\"1.6\",\"unit\":\"mmol/L\"},{\"name\":\"尿酸\",\"value\":\"380\",\"unit\":\"μmol/L\"},{\"name\":\"肌酐\",\"value\":\"70\",\"unit\":\"μmol/L\"},{\"name\":\"HbA1c\",\"value\":\"5.6\",\"unit\":\"%\"},{\"name\":\"HBsAg\",\"value\":\"阴性\"},{\"name\":\"AFP\",\"value\":\"3.2\",\"unit\":\"ng/mL\"},{\"name\":\"CEA\",\"value\":\"1.8\",\"unit\":\"ng/mL\"},{\"name\":\"血红蛋白\",\"value\":\"128\",\"unit\":\"g/L\"},{\"name\":\"白细胞\",\"value\":\"6.1\",\"unit\":\"10^9/L\"},{\"name\":\"血小板\",\"value\":\"210\",\"unit\":\"10^9/L\"},{\"name\":\"收缩压\",\"value\":\"128\",\"unit\":\"mmHg\"},{\"name\":\"舒张压\",\"value\":\"82\",\"unit\":\"mmHg\"},{\"name\":\"GGT\",\"value\":\"35\",\"unit\":\"U/L\"},{\"name\":\"低密度脂蛋白\",\"value\":\"3.0\",\"unit\":\"mmol/L\"},{\"name\":\"高密度脂蛋白\",\"value\":\"1.3\",\"unit\":\"mmol/L\"},{\"name\":\"甲状腺彩超\",\"value\":\"甲状腺右叶低回声结节 6x4mm TI-RADS 3类\"}]},\"documents\":[]}"

-- wrk counts non-2xx/3xx answers itself; print them so a run full of 401s cannot pass for a fast one.
function done(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d (status %d, connect %d, read %d, write %d, timeout %d)\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
