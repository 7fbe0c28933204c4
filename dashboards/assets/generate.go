package assets

// ECharts comes from the npm registry at build time and is never committed:
// `go generate ./dashboards/assets` runs `npm ci` at the repository root
// (package.json pins the exact version, package-lock.json holds only
// versions and integrity hashes) and copies the minified bundle with its
// LICENSE and NOTICE into vendor/, which is git-ignored and embedded below.
// Until this step has run, the package does not build.

//go:generate sh -c "cd ../.. && npm ci --no-audit --no-fund --loglevel=error"
//go:generate mkdir -p vendor
//go:generate cp ../../node_modules/echarts/dist/echarts.min.js vendor/echarts.min.js
//go:generate cp ../../node_modules/echarts/LICENSE vendor/echarts-LICENSE.txt
//go:generate cp ../../node_modules/echarts/NOTICE vendor/echarts-NOTICE.txt
