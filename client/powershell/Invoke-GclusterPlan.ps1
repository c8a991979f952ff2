<#
.SYNOPSIS
Runs a gcluster deployment plan, step by step, and reports each step as one line of JSON.

.DESCRIPTION
The plan is data (a JSON file written by the gcluster extension). Each step names a cmdlet and its
parameters; this script runs it only through the fixed table below, splatting the parameters,
so no value from the plan ever becomes script text. Before a step runs, its probe says whether
it is already done: a second run after a failure continues where the first stopped and changes
nothing that is already right. Nothing is ever deleted.

Secrets (a cloud witness access key) arrive as one JSON object on standard input, never as
arguments, and are never written out. With -WhatIf, each step that would run is reported and
nothing is changed. Works in Windows PowerShell 5.1 and PowerShell 7.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [Parameter(Mandatory = $true)]
    [string] $PlanPath
)

$ErrorActionPreference = 'Stop'

# The only cmdlets a plan may run. Each is a fixed script block: the cmdlet name is never taken from the plan.
$actions = @{
    'Test-Cluster'                  = { param($p) Test-Cluster @p }
    'New-VHD'                       = { param($p) New-VHD @p }
    'Resize-VHD'                    = { param($p) Resize-VHD @p }
    'New-VM'                        = { param($p) New-VM @p }
    'Set-VMProcessor'               = { param($p) Set-VMProcessor @p }
    'Set-VMMemory'                  = { param($p) Set-VMMemory @p }
    'Add-VMHardDiskDrive'           = { param($p) Add-VMHardDiskDrive @p }
    'Add-ClusterVirtualMachineRole' = { param($p) Add-ClusterVirtualMachineRole @p }
    'Get-ClusterGroup'              = { param($p) Get-ClusterGroup @p }
    'Start-VM'                      = { param($p) Start-VM @p }
    'Install-WindowsFeature'        = { param($p) Install-WindowsFeature @p }
    'New-Cluster'                   = { param($p) New-Cluster @p }
    'Set-ClusterQuorum'             = { param($p) Set-ClusterQuorum @p }
}

# The only cmdlets a probe may run: they read, never change.
$probes = @{
    'Get-VHD'             = { param($p) Get-VHD @p }
    'Get-VM'              = { param($p) Get-VM @p }
    'Get-VMHardDiskDrive' = { param($p) Get-VMHardDiskDrive @p }
    'Get-ClusterGroup'    = { param($p) Get-ClusterGroup @p }
    'Get-WindowsFeature'  = { param($p) Get-WindowsFeature @p }
    'Get-Cluster'         = { param($p) Get-Cluster @p }
}

# The only properties a step may set on what its cmdlet returns.
$settable = @('AntiAffinityClassNames')

function Write-Event([hashtable] $Event) {
    # -Depth: 5.1 stops at 2 by default; -Compress: one event, one line.
    Write-Output (ConvertTo-Json -InputObject $Event -Compress -Depth 6)
}

# A JSON object as a hashtable of parameters; secrets from standard input, run-time values refused.
function ConvertTo-Parameters($Object, [hashtable] $Secrets) {
    $table = @{}
    if ($null -eq $Object) { return $table }
    foreach ($property in $Object.PSObject.Properties) {
        $value = $property.Value
        if ($value -is [System.Management.Automation.PSCustomObject]) {
            $secret = $value.PSObject.Properties['secret']
            $reference = $value.PSObject.Properties['ref']
            if ($null -ne $secret) {
                if (-not $Secrets.ContainsKey($secret.Value)) { throw "The secret '$($secret.Value)' was not given." }
                $value = $Secrets[$secret.Value]
            }
            elseif ($null -ne $reference) {
                throw "The value of -$($property.Name) is found while deploying ($($value.description)); set it by hand for now."
            }
        }
        $table[$property.Name] = $value
    }
    return $table
}

function Invoke-Call([scriptblock] $Block, [hashtable] $Parameters, $RunOn) {
    if ($RunOn.kind -eq 'remote') {
        return Invoke-Command -ComputerName $RunOn.computerName -ScriptBlock $Block -ArgumentList $Parameters
    }
    return & $Block $Parameters
}

# Done when the probe finds something (and, with `where`, something with every listed value).
function Test-Done($Step, [hashtable] $Secrets) {
    if ($null -eq $Step.PSObject.Properties['probe'] -or $null -eq $Step.probe) { return $false }
    $probe = $probes[$Step.probe.cmdlet]
    if ($null -eq $probe) { throw "The probe cmdlet '$($Step.probe.cmdlet)' is not one this script runs." }
    try {
        $found = @(Invoke-Call $probe (ConvertTo-Parameters $Step.probe.parameters $Secrets) $Step.runOn)
    }
    catch {
        return $false
    }
    if ($null -eq $Step.probe.PSObject.Properties['where']) { return $found.Count -gt 0 }
    foreach ($item in $found) {
        $allMatch = $true
        foreach ($condition in $Step.probe.where.PSObject.Properties) {
            $actual = $item.($condition.Name)
            if ((@($actual) -join "`n") -ne (@($condition.Value) -join "`n")) { $allMatch = $false }
        }
        if ($allMatch) { return $true }
    }
    return $false
}

$plan = ConvertFrom-Json -InputObject (Get-Content -LiteralPath $PlanPath -Raw)
$secrets = @{}
$stdin = [Console]::In.ReadToEnd()
if ($stdin.Trim() -ne '') {
    foreach ($property in (ConvertFrom-Json -InputObject $stdin).PSObject.Properties) {
        $secrets[$property.Name] = $property.Value
    }
}

$done = 0
$skipped = 0
foreach ($step in @($plan.steps)) {
    $action = $actions[$step.cmdlet]
    if ($null -eq $action) {
        Write-Event @{ type = 'error'; step = $step.id; message = "The cmdlet '$($step.cmdlet)' is not one this script runs." }
        exit 1
    }
    try {
        if (Test-Done $step $secrets) {
            $skipped++
            Write-Event @{ type = 'skipped'; step = $step.id; title = $step.title }
            continue
        }
        if ($WhatIfPreference) {
            Write-Event @{ type = 'wouldRun'; step = $step.id; title = $step.title }
            continue
        }
        Write-Event @{ type = 'started'; step = $step.id; title = $step.title }
        $result = Invoke-Call $action (ConvertTo-Parameters $step.parameters $secrets) $step.runOn
        if ($null -ne $step.PSObject.Properties['set'] -and $null -ne $step.set) {
            foreach ($property in $step.set.PSObject.Properties) {
                if ($settable -notcontains $property.Name) { throw "The property '$($property.Name)' is not one this script sets." }
                foreach ($item in @($result)) { $item.($property.Name) = $property.Value }
            }
        }
        $done++
        Write-Event @{ type = 'done'; step = $step.id; title = $step.title }
    }
    catch {
        Write-Event @{ type = 'error'; step = $step.id; title = $step.title; message = $_.Exception.Message }
        exit 1
    }
}
Write-Event @{ type = 'result'; done = $done; skipped = $skipped; whatIf = [bool] $WhatIfPreference }
