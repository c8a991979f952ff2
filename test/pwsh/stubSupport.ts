/**
 * The PowerShell functions every stub module carries for its stubs (not exported). Fixed text: no
 * name from the reference is spliced into it. It has to run in Windows PowerShell 5.1 as in
 * PowerShell 7, which test/powershell/compatibility.test.ts checks.
 *
 * - The call log ($env:GCLUSTER_STUB_LOG): one JSON line per call, `{ cmdlet, parameters }`, the
 *   parameters as bound (switches as booleans, script blocks as their text).
 * - The state ($env:GCLUSTER_STUB_STATE): a JSON object whose keys are Get-* cmdlets and whose
 *   values are the objects that cmdlet returns. An object with a `StubWhen` object is returned only
 *   to calls whose parameters have those values (any of them, for a list), or, for a null value,
 *   that do not give that parameter; `StubWhen` itself is not returned.
 * - New-* and Add-*, and any cmdlet given -PassThru, return an object echoing their parameters
 *   (so that a pipeline has something to pass on), with a property (empty) for each name in
 *   $env:GCLUSTER_STUB_SETTABLE (comma-separated), so that a step may set it.
 * - Whatever a stub returns is kept in $global:GclusterStubReturned, so that the bootstrap can write
 *   out what the script did to those objects afterwards.
 */
export const stubSupport = String.raw`function Invoke-GclusterStub {
    param([string] $Cmdlet, $Bound)
    $parameters = [ordered]@{}
    foreach ($key in @($Bound.Keys)) {
        $value = $Bound[$key]
        if ($value -is [System.Management.Automation.SwitchParameter]) { $value = $value.IsPresent }
        elseif ($value -is [scriptblock]) { $value = $value.ToString() }
        $parameters[$key] = $value
    }
    if ($env:GCLUSTER_STUB_LOG) {
        # -Depth: Windows PowerShell 5.1 stops at 2; .NET appends without a byte order mark.
        $line = ConvertTo-Json -InputObject ([ordered]@{ cmdlet = $Cmdlet; parameters = $parameters }) -Compress -Depth 8
        [System.IO.File]::AppendAllText($env:GCLUSTER_STUB_LOG, $line + [char] 10)
    }
    if ($Cmdlet -like 'Get-*') {
        foreach ($item in @(Get-GclusterStubState -Cmdlet $Cmdlet -Bound $Bound)) {
            Add-GclusterStubReturned -Cmdlet $Cmdlet -Object $item
            $item
        }
    }
    elseif ($Cmdlet -like 'New-*' -or $Cmdlet -like 'Add-*' -or ($parameters.Contains('PassThru') -and $parameters['PassThru'])) {
        $properties = [ordered]@{}
        foreach ($key in @($parameters.Keys)) { $properties[$key] = $parameters[$key] }
        foreach ($name in @([string] $env:GCLUSTER_STUB_SETTABLE -split ',')) {
            if ($name -ne '' -and -not $properties.Contains($name)) { $properties[$name] = $null }
        }
        $echo = New-Object -TypeName PSObject -Property $properties
        Add-GclusterStubReturned -Cmdlet $Cmdlet -Object $echo
        $echo
    }
}

function Get-GclusterStubState {
    param([string] $Cmdlet, $Bound)
    if (-not $env:GCLUSTER_STUB_STATE) { return }
    if (-not (Test-Path -LiteralPath $env:GCLUSTER_STUB_STATE)) { return }
    $state = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($env:GCLUSTER_STUB_STATE))
    $entry = $state.PSObject.Properties[$Cmdlet]
    if ($null -eq $entry) { return }
    foreach ($item in @($entry.Value)) {
        if (-not (Test-GclusterStubWhen -Item $item -Bound $Bound)) { continue }
        $properties = [ordered]@{}
        foreach ($property in $item.PSObject.Properties) {
            if ($property.Name -ne 'StubWhen') { $properties[$property.Name] = $property.Value }
        }
        New-Object -TypeName PSObject -Property $properties
    }
}

function Test-GclusterStubWhen {
    param($Item, $Bound)
    $when = $Item.PSObject.Properties['StubWhen']
    if ($null -eq $when) { return $true }
    foreach ($condition in $when.Value.PSObject.Properties) {
        if ($null -eq $condition.Value) {
            if ($Bound.ContainsKey($condition.Name)) { return $false }
            continue
        }
        if (-not $Bound.ContainsKey($condition.Name)) { return $false }
        $given = @(@($Bound[$condition.Name]) | ForEach-Object { [string] $_ })
        $wanted = @(@($condition.Value) | ForEach-Object { [string] $_ })
        $shared = @($given | Where-Object { $wanted -contains $_ })
        if ($shared.Count -eq 0) { return $false }
    }
    return $true
}

function Add-GclusterStubReturned {
    param([string] $Cmdlet, $Object)
    if ($null -eq $global:GclusterStubReturned) {
        $global:GclusterStubReturned = New-Object -TypeName System.Collections.ArrayList
    }
    [void] $global:GclusterStubReturned.Add([pscustomobject]@{ cmdlet = $Cmdlet; object = $Object })
}
`;
