<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CompareCommand</name>
    <message numerus="yes">
        <source>compare: %n spec(s) × %1 seed(s), %L2 rounds of %3 (each seed shuffles the rounds)</source>
        <translation>
            <numerusform>compare: %n spec × %1 seed(s), %L2 rounds of %3 (each seed shuffles the rounds)</numerusform>
            <numerusform>compare: %n specs × %1 seed(s), %L2 rounds of %3 (each seed shuffles the rounds)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n run(s) read from %1, not run again</source>
        <translation>
            <numerusform>  %n run read from %1, not run again</numerusform>
            <numerusform>  %n runs read from %1, not run again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  cancelled: the figures cover the %n run(s) finished</source>
        <translation>
            <numerusform>  cancelled: the figures cover the %n run finished</numerusform>
            <numerusform>  cancelled: the figures cover the %n runs finished</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetCommand</name>
    <message numerus="yes">
        <source>%n instance(s) at %1 from %2</source>
        <translation>
            <numerusform>%n instance at %1 from %2</numerusform>
            <numerusform>%n instances at %1 from %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesCheckCommand</name>
    <message numerus="yes">
        <source>  SUCCESS: %n group(s), </source>
        <translation>
            <numerusform>  SUCCESS: %n group, </numerusform>
            <numerusform>  SUCCESS: %n groups, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) found</source>
        <translation>
            <numerusform>%n rule found</numerusform>
            <numerusform>%n rules found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TroubleshootingChecklist</name>
    <message numerus="yes">
        <source>%n exception(s) in the last minute</source>
        <translation>
            <numerusform>%n exception in the last minute</numerusform>
            <numerusform>%n exceptions in the last minute</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::AlertsPanel</name>
    <message numerus="yes">
        <source>%n rule warning(s): rules left out or unable to see their data here. Hover for the list.</source>
        <translation>
            <numerusform>%n rule warning: a rule left out or unable to see its data here. Hover for it.</numerusform>
            <numerusform>%n rule warnings: rules left out or unable to see their data here. Hover for the list.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::ComparePanel</name>
    <message numerus="yes">
        <source>%n run(s) kept from before, not run again.</source>
        <translation>
            <numerusform>%n run kept from before, not run again.</numerusform>
            <numerusform>%n runs kept from before, not run again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::ComparisonJob</name>
    <message numerus="yes">
        <source>Running %n spec(s) × %1 seed(s)</source>
        <translation>
            <numerusform>Running %n spec × %1 seed(s)</numerusform>
            <numerusform>Running %n specs × %1 seed(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::EngineWorker</name>
    <message numerus="yes">
        <source>dropped %Ln feedback item(s) in the last %1 s: the queue is full (capacity %L2)</source>
        <translation>
            <numerusform>dropped %Ln feedback item in the last %1 s: the queue is full (capacity %L2)</numerusform>
            <numerusform>dropped %Ln feedback items in the last %1 s: the queue is full (capacity %L2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::EvaluatePanel</name>
    <message numerus="yes">
        <source>%n warning(s): see the diagnostics.</source>
        <translation>
            <numerusform>%n warning: see the diagnostics.</numerusform>
            <numerusform>%n warnings: see the diagnostics.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::FleetChartsPanel</name>
    <message numerus="yes">
        <source>sum of %n instance(s)</source>
        <translation>
            <numerusform>sum of %n instance</numerusform>
            <numerusform>sum of %n instances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::FleetOperations</name>
    <message numerus="yes">
        <source>Items per tick on the %n instance(s):</source>
        <translation>
            <numerusform>Items per tick on the instance:</numerusform>
            <numerusform>Items per tick on the %n instances:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Seconds between ticks on the %n instance(s):</source>
        <translation>
            <numerusform>Seconds between ticks on the instance:</numerusform>
            <numerusform>Seconds between ticks on the %n instances:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Purge the queues of %n instance(s)? Up to %L1 items are discarded, never learned from.</source>
        <translation>
            <numerusform>Purge the queue of 1 instance? Up to %L1 items are discarded, never learned from.</numerusform>
            <numerusform>Purge the queues of %n instances? Up to %L1 items are discarded, never learned from.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n instance(s)?</source>
        <translation>
            <numerusform>%1 on 1 instance?</numerusform>
            <numerusform>%1 on %n instances?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected instance(s) without the control API are left alone.</source>
        <translation>
            <numerusform>1 selected instance without the control API is left alone.</numerusform>
            <numerusform>%n selected instances without the control API are left alone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::FleetTableModel</name>
    <message numerus="yes">
        <source>Queue depth at the last %n refresh(es), oldest on the left</source>
        <translation>
            <numerusform>Queue depth at the last refresh</numerusform>
            <numerusform>Queue depth at the last %n refreshes, oldest on the left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::FleetWindow</name>
    <message numerus="yes">
        <source>Prometheus at %1: %n instance(s), updated %2 (%3 ms)</source>
        <translation>
            <numerusform>Prometheus at %1: %n instance, updated %2 (%3 ms)</numerusform>
            <numerusform>Prometheus at %1: %n instances, updated %2 (%3 ms)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n instance(s) done; each answer is in the event log</source>
        <translation>
            <numerusform>%1: %2 of 1 instance done; its answer is in the event log</numerusform>
            <numerusform>%1: %2 of %n instances done; each answer is in the event log</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::HeadlessRunner</name>
    <message numerus="yes">
        <source>received %1, shutting down: %Ln queued item(s) stay in the journal</source>
        <translation>
            <numerusform>received %1, shutting down: %Ln queued item stays in the journal</numerusform>
            <numerusform>received %1, shutting down: %Ln queued items stay in the journal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %1, shutting down: %Ln queued item(s) discarded (--ephemeral)</source>
        <translation>
            <numerusform>received %1, shutting down: %Ln queued item discarded (--ephemeral)</numerusform>
            <numerusform>received %1, shutting down: %Ln queued items discarded (--ephemeral)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::MainWindow</name>
    <message numerus="yes">
        <source>Discard the %Ln queued feedback item(s) without processing them?</source>
        <translation>
            <numerusform>Discard the %Ln queued feedback item without processing it?</numerusform>
            <numerusform>Discard the %Ln queued feedback items without processing them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save the event log (%Ln entries shown)</source>
        <translation>
            <numerusform>Save the event log (%Ln entry shown)</numerusform>
            <numerusform>Save the event log (%Ln entries shown)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::PrometheusEngineSource</name>
    <message numerus="yes">
        <source>%n instance(s) via Prometheus</source>
        <translation>
            <numerusform>%n instance via Prometheus</numerusform>
            <numerusform>%n instances via Prometheus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::QueuePanel</name>
    <message numerus="yes">
        <source>Queue size: %L1 of %L2 (oldest first; the first %n shown)</source>
        <translation>
            <numerusform>Queue size: %L1 of %L2 (oldest first; the first %n shown)</numerusform>
            <numerusform>Queue size: %L1 of %L2 (oldest first; the first %n shown)</numerusform>
        </translation>
    </message>
</context>
</TS>
