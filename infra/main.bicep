targetScope = 'subscription'

@description('Name of the azd environment; names the resource group and seeds unique resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for every resource.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deploying user; when set, it gets the storage data roles for local debugging against cloud storage.')
param principalId string = ''

@description('Kind of principal behind principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('NCRONTAB schedule of the benchmark recompute timer (default: hourly).')
param benchmarkRecomputeSchedule string = '0 0 * * * *'

@description('NCRONTAB schedule of the model price refresh timer (default: daily at 03:00 UTC).')
param priceRefreshSchedule string = '0 0 3 * * *'
@description('NCRONTAB schedule of the monitoring timer, the pace rule for the day before (default: daily at 00:30 UTC).')
param monitorSchedule string = '0 30 0 * * *'

@description('Upper bound of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param functionAppMaximumInstanceCount int = 40

@description('Memory of each Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param functionAppInstanceMemoryMB int = 2048

@description('Put the API behind API Management (Consumption tier) for pay-per-call customers.')
param enableApiManagement bool = false

@description('API Management publisher e-mail (only used when enableApiManagement is true).')
param apimPublisherEmail string = 'api-admin@example.com'

@description('API Management publisher name (only used when enableApiManagement is true).')
param apimPublisherName string = 'FineTune Functions'

@description('Customer workspace ids; each becomes an API Management subscription of the pay-per-call product.')
param apimCustomerWorkspaceIds string[] = []

@description('Calls each subscription may make per renewal period.')
@minValue(1)
param apimRateLimitCalls int = 100

@description('Rate limit renewal period in seconds.')
@minValue(1)
@maxValue(300)
param apimRateLimitRenewalPeriod int = 60

var tags = {
  'azd-env-name': environmentName
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

// Names are computed here, not taken from module outputs, so what-if can resolve every resource id up front;
// the modules that use them therefore list their dependencies explicitly.
var identityName = 'id-${resourceToken}'
var logAnalyticsName = 'log-${resourceToken}'
var appInsightsName = 'appi-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var deploymentContainerName = 'app-package'
var functionAppName = 'func-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: logAnalyticsName
    appInsightsName: appInsightsName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module appRoles 'modules/roles.bicep' = {
  name: 'app-roles'
  scope: rg
  params: {
    // The identity's object id exists only once the identity is created, so it cannot be known before the deployment.
    #disable-next-line what-if-short-circuiting
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storageAccountName
    appInsightsName: appInsightsName
    grantTelemetryPublisher: true
  }
  dependsOn: [
    storage
    monitoring
  ]
}

module userRoles 'modules/roles.bicep' = if (!empty(principalId)) {
  name: 'user-roles'
  scope: rg
  params: {
    principalId: principalId
    principalType: principalType
    storageAccountName: storageAccountName
    appInsightsName: appInsightsName
    grantTelemetryPublisher: false
  }
  dependsOn: [
    storage
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityName: identityName
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    appInsightsName: appInsightsName
    benchmarkRecomputeSchedule: benchmarkRecomputeSchedule
    priceRefreshSchedule: priceRefreshSchedule
    monitorSchedule: monitorSchedule
    maximumInstanceCount: functionAppMaximumInstanceCount
    instanceMemoryMB: functionAppInstanceMemoryMB
  }
  // appRoles too: the host must be able to read its storage and publish telemetry when it first starts.
  dependsOn: [
    identity
    storage
    monitoring
    appRoles
  ]
}

module apim 'modules/apim.bicep' = if (enableApiManagement) {
  name: 'apim'
  scope: rg
  params: {
    name: 'apim-${resourceToken}'
    location: location
    tags: tags
    publisherEmail: apimPublisherEmail
    publisherName: apimPublisherName
    functionAppName: functionAppName
    customerWorkspaceIds: apimCustomerWorkspaceIds
    rateLimitCalls: apimRateLimitCalls
    rateLimitRenewalPeriod: apimRateLimitRenewalPeriod
  }
  dependsOn: [
    functionApp
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = functionApp.outputs.uri
output FUNCTION_APP_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output STORAGE_TABLE_SERVICE_URI string = storage.outputs.tableServiceUri
output APIM_GATEWAY_URL string = enableApiManagement ? apim!.outputs.gatewayUrl : ''
