#!/usr/bin/env bash
# prints: total_user(user+nice) total_sys(sys+irq+softirq) steal server_utime server_stime  (jiffies)
read -r _ u n s i w irq sirq st _ < /proc/stat
read -r su ss < <(awk '{print $14, $15}' /proc/$1/stat 2>/dev/null || echo "0 0")
echo "$((u+n)) $((s+irq+sirq)) $st $su $ss"
