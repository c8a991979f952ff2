<#
.SYNOPSIS
Reads a Hyper-V host cluster as it is, and writes it as one line of JSON.

.DESCRIPTION
The host nodes (state, build); the Cluster Shared Volumes, with direct or redirected I/O per
node; the cluster networks; every VM on every node (state, generation, owner node, processors,
memory, anti-affinity classes) with its disks (controller, location, persistent reservations;
format, type, size); and the quorum. Then, for each group of VMs that share a disk, the guest
cluster inside them and its quorum, when one of them answers remoting (else why not).

It only reads. Enums are written as their names and lists always as lists, as Windows
PowerShell 5.1's ConvertTo-Json would otherwise write numbers and single objects. A credential
for remoting into the guests may come as one JSON object on standard input
({ "credential": { "userName": ..., "password": ... } }); it is used, never written out.
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $ClusterName
)

$ErrorActionPreference = 'Stop'
# UTF-8 out, whatever the console's code page: names and messages reach the extension intact.
[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)

$credential = $null
# Standard input as UTF-8, not the console's code page: a password may hold any character.
$stdin = [System.IO.StreamReader]::new([Console]::OpenStandardInput(), [System.Text.UTF8Encoding]::new($false)).ReadToEnd()
if ($stdin.Trim() -ne '') {
    $given = ConvertFrom-Json -InputObject $stdin
    if ($null -ne $given.PSObject.Properties['credential']) {
        $password = [System.Security.SecureString]::new()
        foreach ($character in ([string] $given.credential.password).ToCharArray()) { $password.AppendChar($character) }
        $credential = [System.Management.Automation.PSCredential]::new([string] $given.credential.userName, $password)
    }
}

# What a guest cluster says of itself, read inside one of its nodes. Runs there: only cmdlets, no data in its text.
$readGuest = {
    $guest = Get-Cluster
    $guestNodes = @()
    foreach ($node in @(Get-ClusterNode)) {
        $guestNodes += @{ name = [string] $node.Name; state = [string] $node.State; buildNumber = [int] $node.BuildNumber }
    }
    $guestQuorum = Get-ClusterQuorum
    $resource = [string] $guestQuorum.QuorumResource
    $resourceType = ''
    if ($resource -ne '') { $resourceType = [string] (Get-ClusterResource -Name $resource).ResourceType }
    # The cluster name's IPv4 addresses, as DNS has them: what New-Cluster gave it.
    $addresses = @()
    try {
        foreach ($address in [System.Net.Dns]::GetHostAddresses([string] $guest.Name)) {
            if ([string] $address.AddressFamily -eq 'InterNetwork') { $addresses += [string] $address }
        }
    }
    catch {
        $addresses = @()
    }
    return @{
        name      = [string] $guest.Name
        domain    = [string] $guest.Domain
        addresses = [string[]] $addresses
        nodes     = $guestNodes
        quorum  = @{ type = [string] $guestQuorum.QuorumType; resource = $resource; resourceType = $resourceType }
    }
}

$cluster = Get-Cluster -Name $ClusterName
$groups = @{}
foreach ($group in @(Get-ClusterGroup -Cluster $ClusterName)) { $groups[$group.Name] = $group }

$nodes = @()
$vms = @()
foreach ($node in @(Get-ClusterNode -Cluster $ClusterName)) {
    $nodes += @{ name = [string] $node.Name; state = [string] $node.State; buildNumber = [int] $node.BuildNumber }
    if ([string] $node.State -ne 'Up') { continue }
    foreach ($vm in @(Get-VM -ComputerName $node.Name)) {
        $disks = @()
        foreach ($drive in @(Get-VMHardDiskDrive -VMName $vm.Name -ComputerName $node.Name)) {
            $disk = @{
                controllerType                = [string] $drive.ControllerType
                controllerNumber              = [int] $drive.ControllerNumber
                controllerLocation            = [int] $drive.ControllerLocation
                path                          = [string] $drive.Path
                supportPersistentReservations = [bool] $drive.SupportPersistentReservations
            }
            try {
                $vhd = Get-VHD -Path $drive.Path -ComputerName $node.Name
                $disk.format = [string] $vhd.VhdFormat
                $disk.type = [string] $vhd.VhdType
                $disk.sizeBytes = [long] $vhd.Size
            }
            catch {
                $disk.error = $_.Exception.Message
            }
            $disks += $disk
        }
        $group = $groups[$vm.Name]
        $classes = @()
        if ($null -ne $group) {
            foreach ($class in @($group.AntiAffinityClassNames)) { if ($class) { $classes += [string] $class } }
        }
        $vms += @{
            name                   = [string] $vm.Name
            host                   = [string] $node.Name
            state                  = [string] $vm.State
            generation             = [int] $vm.Generation
            isClustered            = [bool] $vm.IsClustered
            processorCount         = [int] $vm.ProcessorCount
            memoryStartupBytes     = [long] $vm.MemoryStartup
            dynamicMemoryEnabled   = [bool] $vm.DynamicMemoryEnabled
            memoryMinimumBytes     = [long] $vm.MemoryMinimum
            memoryMaximumBytes     = [long] $vm.MemoryMaximum
            antiAffinityClassNames = [string[]] $classes
            disks                  = $disks
        }
    }
}

$volumes = @()
foreach ($volume in @(Get-ClusterSharedVolume -Cluster $ClusterName)) {
    $states = @()
    foreach ($state in @(Get-ClusterSharedVolumeState -Name $volume.Name -Cluster $ClusterName)) {
        $states += @{ node = [string] $state.Node; stateInfo = [string] $state.StateInfo }
    }
    $volumes += @{
        name      = [string] $volume.Name
        state     = [string] $volume.State
        ownerNode = [string] $volume.OwnerNode
        path      = [string] $volume.SharedVolumeInfo.FriendlyVolumeName
        sizeBytes = [long] $volume.SharedVolumeInfo.Partition.Size
        states    = $states
    }
}

$networks = @()
foreach ($network in @(Get-ClusterNetwork -Cluster $ClusterName)) {
    $networks += @{ name = [string] $network.Name; role = [string] $network.Role }
}

# VMs that share a disk file are the nodes of one guest cluster: ask each group's VMs in turn.
$groupOf = @{}
$groupsOfVms = @()
foreach ($vm in $vms) {
    foreach ($disk in $vm.disks) {
        $key = ([string] $disk.path).ToLowerInvariant()
        if (-not $groupOf.ContainsKey($key)) { $groupOf[$key] = @() }
        $groupOf[$key] += $vm.name
    }
}
# VMs that share any disk belong to one group, even when each disk is shared by only some of them.
foreach ($members in $groupOf.Values) {
    if (@($members).Count -lt 2) { continue }
    $merged = @($members)
    $others = @()
    foreach ($group in $groupsOfVms) {
        $overlaps = $false
        foreach ($member in $group) { if ($merged -contains $member) { $overlaps = $true } }
        if ($overlaps) {
            foreach ($member in $group) { if ($merged -notcontains $member) { $merged += $member } }
        }
        else {
            $others += , @($group)
        }
    }
    $groupsOfVms = $others + , @($merged)
}
$guestClusters = @()
foreach ($members in $groupsOfVms) {
    $reason = ''
    $found = $null
    foreach ($member in $members) {
        try {
            if ($null -ne $credential) {
                $found = Invoke-Command -ComputerName $member -Credential $credential -ScriptBlock $readGuest
            }
            else {
                $found = Invoke-Command -ComputerName $member -ScriptBlock $readGuest
            }
            $found.reachedThrough = [string] $member
            break
        }
        catch {
            $reason = $_.Exception.Message
        }
    }
    if ($null -ne $found) { $guestClusters += $found }
    else { $guestClusters += @{ vms = [string[]] $members; error = $reason } }
}

$quorum = Get-ClusterQuorum -Cluster $ClusterName
$inventory = @{
    cluster = @{ name = [string] $cluster.Name; domain = [string] $cluster.Domain }
    nodes         = $nodes
    volumes       = $volumes
    networks      = $networks
    vms           = $vms
    quorum        = @{ type = [string] $quorum.QuorumType; resource = [string] $quorum.QuorumResource }
    guestClusters = $guestClusters
}
Write-Output (ConvertTo-Json -InputObject @{ type = 'inventory'; inventory = $inventory } -Compress -Depth 10)
