<#
.SYNOPSIS
Checks what deploying and inspecting guest clusters needs on this machine, one JSON line per check.

.DESCRIPTION
PowerShell's version, the Hyper-V and FailoverClusters modules, elevation, and remoting to each
host named in -HostNames (comma-separated). Each check says what to do when it fails. It reads
only: nothing on this machine or on the hosts is changed.
#>
param(
    [string] $HostNames = ''
)

$ErrorActionPreference = 'Stop'
# UTF-8 out, whatever the console's code page: messages reach the extension intact.
[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)

function Write-Check([string] $Name, [bool] $Passed, [string] $Detail, [string] $Fix) {
    $check = @{ type = 'check'; name = $Name; passed = $Passed; detail = $Detail; fix = $Fix }
    Write-Output (ConvertTo-Json -InputObject $check -Compress -Depth 3)
}

$version = $PSVersionTable.PSVersion
Write-Check 'PowerShell' ($version.Major -ge 5) "PowerShell $version" 'Install Windows PowerShell 5.1 or PowerShell 7.'

$tools = @{
    'Hyper-V'          = 'RSAT-Hyper-V-Tools'
    'FailoverClusters' = 'RSAT-Clustering-PowerShell'
}
foreach ($module in @('Hyper-V', 'FailoverClusters')) {
    $found = @(Get-Module -ListAvailable -Name $module)
    $detail = if ($found.Count -gt 0) { "version $($found[0].Version)" } else { 'not installed' }
    Write-Check "$module module" ($found.Count -gt 0) $detail "Install it: on Windows Server, Install-WindowsFeature $($tools[$module]); on Windows 10 or 11, the matching RSAT optional feature."
}

$onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
$elevated = $false
if ($onWindows) {
    $principal = [Security.Principal.WindowsPrincipal]::new([Security.Principal.WindowsIdentity]::GetCurrent())
    $elevated = $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}
$elevation = if ($elevated) { 'running as administrator' } elseif ($onWindows) { 'not elevated' } else { 'not Windows' }
Write-Check 'Elevation' $elevated $elevation 'Run VS Code as administrator, or use an account that administers the hosts.'

foreach ($name in $HostNames.Split(',')) {
    if ($name.Trim() -eq '') { continue }
    try {
        $remote = Invoke-Command -ComputerName $name.Trim() -ScriptBlock { $PSVersionTable.PSVersion.ToString() }
        Write-Check "Remoting to $($name.Trim())" $true "PowerShell $remote there" ''
    }
    catch {
        Write-Check "Remoting to $($name.Trim())" $false $_.Exception.Message 'On the host, run Enable-PSRemoting; check that this account may connect (WinRM, firewall).'
    }
}

Write-Output (ConvertTo-Json -InputObject @{ type = 'result' } -Compress -Depth 2)
