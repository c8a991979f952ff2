<#
.SYNOPSIS
Runs a gcluster deployment plan, step by step, and reports each step as one line of JSON.

.DESCRIPTION
The plan is data (a JSON file written by the gcluster extension). Each step names a cmdlet and its
parameters; this script runs it only through the fixed table below, splatting the parameters,
so no value from the plan ever becomes script text. Before a step runs, its probe says whether
it is already done: a second run after a failure continues where the first stopped and changes
nothing that is already right. Nothing is ever deleted.

Values that exist only once deploying has begun (the number a shared disk gets inside a guest,
the guest cluster's entry for an available disk) are found by the fixed finders below, from the
size and SCSI location the plan gives. A step whose output goes through further cmdlets runs one
of the fixed pipelines below.

Secrets (a cloud witness access key) and a credential for remoting into the guests arrive as one
JSON object on standard input ({ "secrets": { name: value }, "credential": { "userName", "password" } }),
never as arguments, and are never written out. With -WhatIf, each step that would run is reported and
nothing is changed. Works in Windows PowerShell 5.1 and PowerShell 7.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [Parameter(Mandatory = $true)]
    [string] $PlanPath
)

$ErrorActionPreference = 'Stop'
# UTF-8 out, whatever the console's code page: names and messages reach the extension intact.
[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)

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
    'Add-ClusterDisk'               = { param($p) Add-ClusterDisk @p }
    'Add-ClusterSharedVolume'       = { param($p) Add-ClusterSharedVolume @p }
    'Set-ClusterQuorum'             = { param($p) Set-ClusterQuorum @p }
}

# The only pipelines a plan may run, by their cmdlets in order; each stage is splatted on its own.
$pipelines = @{
    'Initialize-Disk|New-Partition|Format-Volume' = {
        param($p, $partition, $format)
        Initialize-Disk @p | New-Partition @partition | Format-Volume @format
    }
}

# The only values a plan may ask to be found while deploying. Each finds exactly one, or says why not.
$finders = @{
    'guestDiskNumber'      = {
        param($r)
        $found = @()
        foreach ($disk in @(Get-Disk)) {
            if ([uint64] $disk.Size -eq [uint64] $r.sizeBytes) { $found += $disk }
        }
        if ($found.Count -gt 1) {
            # Disks of one size are told apart by their SCSI location (the LUN ends the Location text).
            $atLocation = @()
            foreach ($disk in $found) {
                if ([string] $disk.Location -match ('LUN ' + [int] $r.location + '$')) { $atLocation += $disk }
            }
            $found = $atLocation
        }
        if ($found.Count -ne 1) { throw "Found $($found.Count) disks that could be $($r.description)." }
        return [uint32] $found[0].Number
    }
    'availableClusterDisk' = {
        param($r)
        $found = @()
        foreach ($disk in @(Get-ClusterAvailableDisk -Cluster $r.cluster)) {
            if ([uint64] $disk.Size -eq [uint64] $r.sizeBytes) { $found += $disk }
        }
        if ($found.Count -ne 1) {
            throw "Found $($found.Count) disks that could be $($r.description); add it with Add-ClusterDisk and name it by hand."
        }
        return $found[0]
    }
}

# The only cmdlets a probe may run: they read, never change.
$probes = @{
    'Get-VHD'             = { param($p) Get-VHD @p }
    'Get-VM'              = { param($p) Get-VM @p }
    'Get-VMHardDiskDrive' = { param($p) Get-VMHardDiskDrive @p }
    'Get-ClusterGroup'    = { param($p) Get-ClusterGroup @p }
    'Get-WindowsFeature'  = { param($p) Get-WindowsFeature @p }
    'Get-Cluster'         = { param($p) Get-Cluster @p }
    'Get-Disk'            = { param($p) Get-Disk @p }
    'Get-ClusterResource' = { param($p) Get-ClusterResource @p }
    'Get-ClusterSharedVolume' = { param($p) Get-ClusterSharedVolume @p }
}

# The only properties a step may set on what its cmdlet returns.
$settable = @('AntiAffinityClassNames', 'Name')

function Write-Event([hashtable] $Event) {
    # -Depth: 5.1 stops at 2 by default; -Compress: one event, one line.
    Write-Output (ConvertTo-Json -InputObject $Event -Compress -Depth 6)
}

# A JSON object as a hashtable of parameters: secrets from standard input, run-time values found where the step runs.
function ConvertTo-Parameters($Object, [hashtable] $Secrets, $RunOn) {
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
                $finder = $finders[[string] $reference.Value]
                if ($null -eq $finder) { throw "The value '$($reference.Value)' is not one this script finds." }
                $value = Invoke-Call $finder @($value) $RunOn
            }
        }
        $table[$property.Name] = $value
    }
    return $table
}

# Runs one of the fixed script blocks here or, for a step inside a guest, there through remoting.
function Invoke-Call([scriptblock] $Block, [object[]] $Arguments, $RunOn) {
    if ($RunOn.kind -eq 'remote' -and $null -ne $script:credential) {
        return Invoke-Command -ComputerName $RunOn.computerName -Credential $script:credential -ScriptBlock $Block -ArgumentList $Arguments
    }
    if ($RunOn.kind -eq 'remote') {
        return Invoke-Command -ComputerName $RunOn.computerName -ScriptBlock $Block -ArgumentList $Arguments
    }
    return & $Block @Arguments
}

# Done when the probe finds something (with `where`, something with every listed value), or,
# with doneWhen 'notFound', when it finds nothing. A probe that fails means not done.
function Test-Done($Step, [hashtable] $Secrets) {
    if ($null -eq $Step.PSObject.Properties['probe'] -or $null -eq $Step.probe) { return $false }
    $probe = $probes[$Step.probe.cmdlet]
    if ($null -eq $probe) { throw "The probe cmdlet '$($Step.probe.cmdlet)' is not one this script runs." }
    try {
        $parameters = ConvertTo-Parameters $Step.probe.parameters $Secrets $Step.runOn
        $found = @(Invoke-Call $probe @($parameters) $Step.runOn)
    }
    catch {
        return $false
    }
    $matched = $false
    foreach ($item in $found) {
        $allMatch = $true
        if ($null -ne $Step.probe.PSObject.Properties['where']) {
            foreach ($condition in $Step.probe.where.PSObject.Properties) {
                $actual = @($item.($condition.Name))
                if ($condition.Value -is [array]) {
                    # A list is there when each of its values is (a group may have classes of its own too).
                    $texts = @()
                    foreach ($value in $actual) { $texts += [string] $value }
                    foreach ($wanted in $condition.Value) {
                        if ($texts -notcontains [string] $wanted) { $allMatch = $false }
                    }
                }
                elseif (($actual -join "`n") -ne [string] $condition.Value) { $allMatch = $false }
            }
        }
        if ($allMatch) { $matched = $true }
    }
    if ($null -ne $Step.probe.PSObject.Properties['doneWhen'] -and $Step.probe.doneWhen -eq 'notFound') {
        return -not $matched
    }
    return $matched
}

# The step's own stages, when its output is piped through further cmdlets.
function Get-Stages($Step) {
    if ($null -eq $Step.PSObject.Properties['pipeline'] -or $null -eq $Step.pipeline) { return @() }
    return @($Step.pipeline)
}

$plan = ConvertFrom-Json -InputObject (Get-Content -LiteralPath $PlanPath -Raw -Encoding UTF8)
$secrets = @{}
$credential = $null
# Standard input as UTF-8, not the console's code page: a password may hold any character.
$stdin = [System.IO.StreamReader]::new([Console]::OpenStandardInput(), [System.Text.UTF8Encoding]::new($false)).ReadToEnd()
if ($stdin.Trim() -ne '') {
    $given = ConvertFrom-Json -InputObject $stdin
    if ($null -ne $given.PSObject.Properties['secrets'] -and $null -ne $given.secrets) {
        foreach ($property in $given.secrets.PSObject.Properties) { $secrets[$property.Name] = $property.Value }
    }
    if ($null -ne $given.PSObject.Properties['credential'] -and $null -ne $given.credential) {
        $password = [System.Security.SecureString]::new()
        foreach ($character in ([string] $given.credential.password).ToCharArray()) { $password.AppendChar($character) }
        $credential = [System.Management.Automation.PSCredential]::new([string] $given.credential.userName, $password)
    }
}

$done = 0
$skipped = 0
foreach ($step in @($plan.steps)) {
    $stages = @(Get-Stages $step)
    if ($stages.Count -gt 0) {
        $names = @($step.cmdlet)
        foreach ($stage in $stages) { $names += [string] $stage.cmdlet }
        $action = $pipelines[$names -join '|']
    }
    else {
        $action = $actions[$step.cmdlet]
    }
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
        $arguments = @(ConvertTo-Parameters $step.parameters $secrets $step.runOn)
        foreach ($stage in $stages) { $arguments += ConvertTo-Parameters $stage.parameters $secrets $step.runOn }
        $result = Invoke-Call $action $arguments $step.runOn
        if ($null -ne $step.PSObject.Properties['set'] -and $null -ne $step.set) {
            foreach ($property in $step.set.PSObject.Properties) {
                if ($settable -notcontains $property.Name) { throw "The property '$($property.Name)' is not one this script sets." }
                foreach ($item in @($result)) {
                    if ($property.Name -eq 'AntiAffinityClassNames') {
                        # Added to the group's own classes, never in their place: nothing is taken away.
                        $classes = [System.Collections.Specialized.StringCollection]::new()
                        foreach ($class in @($item.AntiAffinityClassNames)) { if ($class) { [void] $classes.Add([string] $class) } }
                        foreach ($class in @($property.Value)) { if (-not $classes.Contains([string] $class)) { [void] $classes.Add([string] $class) } }
                        $item.AntiAffinityClassNames = $classes
                    }
                    else {
                        $item.($property.Name) = $property.Value
                    }
                }
            }
        }
        $done++
        Write-Event @{ type = 'done'; step = $step.id; title = $step.title }
    }
    catch {
        # A check that fails (Test-Cluster) is reported, and the deployment goes on.
        if ($null -ne $step.PSObject.Properties['optional'] -and $step.optional -eq $true) {
            Write-Event @{ type = 'warning'; step = $step.id; title = $step.title; message = $_.Exception.Message }
            continue
        }
        Write-Event @{ type = 'error'; step = $step.id; title = $step.title; message = $_.Exception.Message }
        exit 1
    }
}
Write-Event @{ type = 'result'; done = $done; skipped = $skipped; whatIf = [bool] $WhatIfPreference }
