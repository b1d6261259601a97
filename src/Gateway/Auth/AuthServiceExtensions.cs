using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SpeechCluster.Gateway.Auth;

internal static class AuthServiceExtensions
{
    /// <summary>Tenant keys, access tokens and the request authenticator, validated at start-up.</summary>
    public static IServiceCollection AddSpeechClusterAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantKeyStore>();
        services.TryAddSingleton<TokenService>();
        services.TryAddSingleton<RequestAuthenticator>();
        return services;
    }
}
