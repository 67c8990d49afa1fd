# Thin wrapper around Meson; the two README commands are `make run` and `make test`.
.PHONY: all build asan run test fuzz bench clean

all: build

build:
	@test -f build/build.ninja || meson setup build --buildtype=debugoptimized >/dev/null
	@ninja -C build

asan:
	@test -f build-asan/build.ninja || meson setup build-asan -Dstoringen=true -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug >/dev/null
	@ninja -C build-asan

# Installs what is missing, builds, initialises the demo database and serves it.
run:
	@scripts/run.sh

# Installs what is missing, builds, and runs every test; ends with "N passed, N failed".
test:
	@scripts/test.sh

fuzz:
	@test -f build-fuzz/build.ninja || CC=clang-14 meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug >/dev/null
	@ninja -C build-fuzz fuzz_json fuzz_aanvraag fuzz_ontvangstbewijs fuzz_verdeling fuzz_klok fuzz_catalogus fuzz_bijlage fuzz_verantwoording fuzz_sociaal fuzz_monitoring

bench: build
	@bench/status.sh

clean:
	rm -rf build build-asan build-fuzz
