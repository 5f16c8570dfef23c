// A private PostgreSQL server for the tests: TEST_POSTGRES_URL if set, otherwise a throw-away cluster from
// the installed packages (apt-get install postgresql), on loopback and a free port, removed afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PostgresServer {
  /** A superuser URL without a database name: append "/<database>". */
  baseUrl: string;
  /** The same for a hot standby streaming from it, if one was asked for. */
  replicaBaseUrl: string | null;
  stop(): void;
}

function binaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    : [];
  if (versions.length === 0) {
    throw new Error(
      "PostgreSQL is not installed: apt-get install postgresql (or set TEST_POSTGRES_URL to a superuser URL)",
    );
  }
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], "bin");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function startPostgres(options: { replica?: boolean } = {}): Promise<PostgresServer> {
  const configured = process.env.TEST_POSTGRES_URL;
  if (configured) {
    const replica = process.env.TEST_POSTGRES_REPLICA_URL;
    return {
      baseUrl: configured.replace(/\/[^/@]*$/, ""),
      replicaBaseUrl: replica ? replica.replace(/\/[^/@]*$/, "") : null,
      stop: () => {},
    };
  }

  const bin = binaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-pg-"));
  // PostgreSQL refuses to run as root: CI runs as root, so the server runs as the package's postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]]
      : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "patentbridge", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  // Durability settings are off: the cluster is thrown away, and the tests are about behaviour, not disks.
  const start = async (dataDir: string) => {
    const port = await freePort();
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run("pg_ctl", ["-D", dataDir, "-o", settings, "-l", `${dataDir}.log`, "-w", "start"]);
    return port;
  };
  const started: string[] = [];
  const stop = () => {
    try {
      for (const dataDir of started.reverse()) run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const port = await start(data);
    started.push(data);
    let replicaBaseUrl: string | null = null;
    if (options.replica) {
      // A hot standby of the whole cluster, streaming from it: every database created later is on it too.
      const standby = path.join(dir, "standby");
      run("pg_basebackup", [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "patentbridge",
        "-D",
        standby,
        "-R",
        "-X",
        "stream",
        "-c",
        "fast",
      ]);
      replicaBaseUrl = `postgresql://patentbridge@127.0.0.1:${await start(standby)}`;
      started.push(standby);
    }
    return { baseUrl: `postgresql://patentbridge@127.0.0.1:${port}`, replicaBaseUrl, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
