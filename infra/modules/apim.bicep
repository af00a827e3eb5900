@description('Name of the API Management service.')
param name string

@description('Azure region.')
param location string = resourceGroup().location

@description('Tags applied to the service.')
param tags object = {}

@description('Publisher e-mail shown by API Management and used for its notifications.')
param publisherEmail string

@description('Publisher (organisation) name.')
param publisherName string

@description('Function app the API forwards to.')
param functionAppName string

@description('One subscription of the pay-per-call product per customer; its name is the customer workspace id.')
param customerWorkspaceIds string[]

@description('Calls allowed per subscription in each renewal period.')
@minValue(1)
param rateLimitCalls int

@description('Rate limit renewal period in seconds.')
@minValue(1)
@maxValue(300)
param rateLimitRenewalPeriod int

var functionKeyNamedValue = 'function-host-key'

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Consumption'
    capacity: 0
  }
  properties: {
    publisherEmail: publisherEmail
    publisherName: publisherName
  }
}

// The only key read in these templates: it stays inside API Management as a secret and is never an output.
resource functionKey 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: apim
  name: functionKeyNamedValue
  properties: {
    displayName: functionKeyNamedValue
    secret: true
    value: listKeys('${functionApp.id}/host/default', '2025-03-01').functionKeys.default
  }
}

resource api 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'finetune'
  properties: {
    displayName: 'FineTune Functions'
    apiType: 'http'
    path: 'api'
    protocols: [
      'https'
    ]
    serviceUrl: 'https://${functionApp.properties.defaultHostName}/api'
    subscriptionRequired: true
  }
}

resource operations 'Microsoft.ApiManagement/service/apis/operations@2024-05-01' = [
  for method in ['GET', 'POST', 'PUT', 'DELETE']: {
    parent: api
    name: toLower(method)
    properties: {
      displayName: '${method} /*'
      method: method
      urlTemplate: '/*'
    }
  }
]

resource apiPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: api
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: replace(
      replace(loadTextContent('apim-api-policy.xml'), '__RATE_LIMIT_CALLS__', string(rateLimitCalls)),
      '__RATE_LIMIT_RENEWAL_PERIOD__',
      string(rateLimitRenewalPeriod)
    )
  }
  // The policy names the secret as {{function-host-key}}, which Bicep cannot see as a reference.
  dependsOn: [
    functionKey
  ]
}

resource product 'Microsoft.ApiManagement/service/products@2024-05-01' = {
  parent: apim
  name: 'pay-per-call'
  properties: {
    displayName: 'FineTune pay-per-call'
    description: 'Metered access to the FineTune API; every subscription is one customer workspace.'
    subscriptionRequired: true
    approvalRequired: true
    state: 'published'
  }
}

resource productApi 'Microsoft.ApiManagement/service/products/apis@2024-05-01' = {
  parent: product
  name: api.name
}

resource customerSubscriptions 'Microsoft.ApiManagement/service/subscriptions@2024-05-01' = [
  for workspaceId in customerWorkspaceIds: {
    parent: apim
    name: workspaceId
    properties: {
      displayName: workspaceId
      scope: '/products/${product.name}'
      state: 'active'
      allowTracing: false
    }
  }
]

output name string = apim.name
output gatewayUrl string = apim.properties.gatewayUrl
