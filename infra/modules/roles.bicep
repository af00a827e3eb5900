// Data-plane role assignments for one principal, least privilege.
// The Functions host on Flex Consumption keeps its keys, timer schedule state and singleton locks in blobs. The alert
// deliveries go through the alert-deliveries queue: the app creates it and adds messages, and the host's queue trigger
// reads, updates and deletes them and adds to alert-deliveries-poison, so the identity needs Storage Queue Data
// Contributor (neither the Sender nor the Processor role alone covers both sides).

@description('Object id of the principal that receives the roles.')
param principalId string

@description('Kind of principal: the app identity is a ServicePrincipal, a developer is a User.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string

@description('Storage account the principal reads and writes.')
param storageAccountName string

@description('Application Insights component the telemetry role applies to.')
param appInsightsName string

@description('Grant Monitoring Metrics Publisher on Application Insights (needed to send telemetry with Entra ID auth).')
param grantTelemetryPublisher bool

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Blob leases for the host (timers, singletons), host keys and the deployment package.
var storageBlobDataOwner = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
)
var storageQueueDataContributor = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
)
var storageTableDataContributor = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
)
var monitoringMetricsPublisher = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '3913510d-42f4-4e42-8a64-420c390055eb'
)

resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, storageBlobDataOwner)
  scope: storage
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: storageBlobDataOwner
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, storageTableDataContributor)
  scope: storage
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: storageTableDataContributor
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, storageQueueDataContributor)
  scope: storage
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: storageQueueDataContributor
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantTelemetryPublisher) {
  name: guid(appInsights.id, principalId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: monitoringMetricsPublisher
  }
}
