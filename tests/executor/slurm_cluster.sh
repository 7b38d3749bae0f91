#!/bin/sh
# A one-node Slurm cluster on loopback, for the Slurm executor's tests (and for trying
# `executor: slurm` by hand). Everything lives in DIR: its own munge key, socket and
# daemon, slurm.conf with free high ports, state and spool directories, pid files, logs.
#
#   slurm_cluster.sh start DIR   starts munged, slurmctld and slurmd; waits until the node
#                                is idle; prints "SLURM_CONF=DIR/slurm.conf". Exit 0 when
#                                up, 77 when Slurm or munge is not installed (the caller
#                                skips), 1 when it is installed but would not start (the
#                                logs are in DIR).
#   slurm_cluster.sh stop DIR    stops the three daemons (by their pid files) and waits
#                                for them to exit. Safe to call more than once.
#
# Commands then talk to this cluster with SLURM_CONF=DIR/slurm.conf in their environment.
set -u

action=${1:-}
dir=${2:-}
if [ -z "$action" ] || [ -z "$dir" ]; then
  echo "usage: slurm_cluster.sh start|stop DIR" >&2
  exit 2
fi

# Stops the daemon whose pid file is $1: TERM, then KILL after 5 s.
stop_pid_file() {
  [ -f "$1" ] || return 0
  pid=$(cat "$1" 2>/dev/null)
  rm -f "$1"
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  i=0
  while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
    sleep 0.1
    i=$((i + 1))
  done
  kill -KILL "$pid" 2>/dev/null
  return 0
}

if [ "$action" = stop ]; then
  stop_pid_file "$dir/slurmd.pid"
  stop_pid_file "$dir/slurmctld.pid"
  stop_pid_file "$dir/munged.pid"
  exit 0
fi
[ "$action" = start ] || { echo "slurm_cluster.sh: unknown action '$action'" >&2; exit 2; }

for tool in munged mungekey slurmctld slurmd sbatch squeue sinfo scancel; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    echo "slurm_cluster.sh: '$tool' is not installed (Debian: apt-get install slurm-wlm munge)" >&2
    exit 77
  fi
done
PATH="$PATH:/usr/sbin"

dir=$(cd "$dir" && pwd) || exit 1
mkdir -p "$dir/state" "$dir/spool" "$dir/munge" || exit 1
chmod 0700 "$dir/munge"

# Two free loopback ports, at random in 20000..59999.
port_free() {
  ! (ss -Hltn 2>/dev/null | awk '{print $4}' | grep -q ":$1\$")
}
tries=0
while :; do
  base=$(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000 + 20000 ))
  if port_free "$base" && port_free $((base + 1)); then break; fi
  tries=$((tries + 1))
  [ $tries -lt 20 ] || { echo "slurm_cluster.sh: no free port pair" >&2; exit 1; }
done

mungekey -c -k "$dir/munge/munge.key" -b 1024 2>"$dir/munge/mungekey.log" || exit 1
chmod 0400 "$dir/munge/munge.key"
munged --force --socket="$dir/munge/munge.socket" --pid-file="$dir/munged.pid" \
  --key-file="$dir/munge/munge.key" --log-file="$dir/munge/munged.log" \
  --seed-file="$dir/munge/munged.seed" >/dev/null 2>&1 || {
  echo "slurm_cluster.sh: munged would not start (see $dir/munge/munged.log)" >&2
  exit 1
}

user=$(id -un)
cpus=$(nproc)
cat >"$dir/slurm.conf" <<EOF
ClusterName=cladetest
SlurmctldHost=localhost
SlurmctldPort=$base
SlurmdPort=$((base + 1))
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MinJobAge=600
KillWait=2
SlurmctldTimeout=10
SlurmdTimeout=30
InactiveLimit=0
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=2048 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

export SLURM_CONF="$dir/slurm.conf"
slurmctld -i || { echo "slurm_cluster.sh: slurmctld would not start (see $dir/slurmctld.log)" >&2; exit 1; }
slurmd -N localhost || { echo "slurm_cluster.sh: slurmd would not start (see $dir/slurmd.log)" >&2; exit 1; }

i=0
while [ $i -lt 150 ]; do
  state=$(sinfo -h -n localhost -o %t 2>/dev/null)
  case "$state" in
    idle*) echo "SLURM_CONF=$dir/slurm.conf"; exit 0 ;;
  esac
  sleep 0.2
  i=$((i + 1))
done
echo "slurm_cluster.sh: the node did not become idle in 30 s (state '$state'; see $dir/slurmctld.log and $dir/slurmd.log)" >&2
exit 1
