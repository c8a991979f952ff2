<#
.SYNOPSIS
Reads a Hyper-V host cluster as it is, and writes it as one line of JSON.

.DESCRIPTION
The host nodes and their state; the Cluster Shared Volumes, with direct or redirected I/O per
node; every VM on every node (state, generation, owner node, anti-affinity classes) with its
disks (controller, location, persistent reservations; format, type, size); and the quorum.
It only reads. Enums are written as their names and lists always as lists, as Windows
PowerShell 5.1's ConvertTo-Json would otherwise write numbers and single objects.
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $ClusterName
)

$ErrorActionPreference = 'Stop'

$cluster = Get-Cluster -Name $ClusterName
$groups = @{}
foreach ($group in @(Get-ClusterGroup -Cluster $ClusterName)) { $groups[$group.Name] = $group }

$nodes = @()
$vms = @()
foreach ($node in @(Get-ClusterNode -Cluster $ClusterName)) {
    $nodes += @{ name = [string] $node.Name; state = [string] $node.State }
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
        states    = $states
    }
}

$quorum = Get-ClusterQuorum -Cluster $ClusterName
$inventory = @{
    cluster = @{ name = [string] $cluster.Name; domain = [string] $cluster.Domain }
    nodes   = $nodes
    volumes = $volumes
    vms     = $vms
    quorum  = @{ type = [string] $quorum.QuorumType; resource = [string] $quorum.QuorumResource }
}
Write-Output (ConvertTo-Json -InputObject @{ type = 'inventory'; inventory = $inventory } -Compress -Depth 8)
