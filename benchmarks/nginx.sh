#!/usr/bin/env bash
# Debian's nginx in a process of its own on loopback, serving /bytes/1024 and /bytes/1048576 (the load harness's
# paths), for benchmarks/run: the same GETs against a server outside the client's JVM.
#
#   source benchmarks/nginx.sh; nginx_start; ...; nginx_stop      (nginx_start sets NGINX_URL and NGINX_NAME)
# Installs Debian's nginx-light when missing and run as root; fails otherwise.

nginx_start() {
	local binary=/usr/sbin/nginx
	if [ ! -x "$binary" ]; then
		if [ "$(id -u)" = 0 ]; then
			apt-get install -y -qq nginx-light >/dev/null 2>&1 \
				|| { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }
		else
			echo "nginx is missing: apt-get install nginx-light" >&2
			return 1
		fi
	fi
	NGINX_DIR=$(mktemp -d -t xhr-bench-nginx-XXXXXX)
	mkdir -p "$NGINX_DIR/www/bytes" "$NGINX_DIR/logs" "$NGINX_DIR/tmp"
	head -c 1024 /dev/zero | tr '\0' x > "$NGINX_DIR/www/bytes/1024"
	head -c 1048576 /dev/zero | tr '\0' x > "$NGINX_DIR/www/bytes/1048576"
	chmod -R a+rX "$NGINX_DIR"
	local port
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
	cat > "$NGINX_DIR/nginx.conf" <<CONF
# One worker: the client's JVM needs the other core.
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	default_type application/octet-stream;
	sendfile on;
	keepalive_requests 100000000;
	keepalive_timeout 300s;
	client_body_temp_path $NGINX_DIR/tmp;
	server {
		listen 127.0.0.1:$port;
		root $NGINX_DIR/www;
	}
}
CONF
	"$binary" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
	NGINX_URL="http://127.0.0.1:$port"
	NGINX_NAME="Debian's nginx $("$binary" -v 2>&1 | sed 's|.*nginx/||'), one worker process, on loopback"
	for _ in $(seq 50); do
		if curl -s -o /dev/null "$NGINX_URL/bytes/1024"; then
			return 0
		fi
		sleep 0.1
	done
	echo "nginx did not answer on $NGINX_URL" >&2
	nginx_stop
	return 1
}

nginx_stop() {
	if [ -n "${NGINX_DIR:-}" ] && [ -f "$NGINX_DIR/nginx.pid" ]; then
		kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
		for _ in $(seq 50); do
			[ -f "$NGINX_DIR/nginx.pid" ] || break
			sleep 0.1
		done
	fi
	[ -n "${NGINX_DIR:-}" ] && rm -rf "$NGINX_DIR"
	NGINX_DIR=
}
